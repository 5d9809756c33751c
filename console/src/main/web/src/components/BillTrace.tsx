import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalculationStep, LineView, SettlementAmounts, SettlementView } from '../api/schemas';
import { settlement } from '../api/clients';
import { unwrap } from '../api/problem';
import { Money, ProblemAlert, SectionForbidden } from './common';
import { useEnums, type EnumKind } from '../i18n/enums';
import { formatFractionAsPercent, formatMoney } from '../lib/money';
import { useAuth } from '../auth/AuthContext';
import { mayCall } from '../access';
import { useApi } from '../lib/useApi';

/** Who pays the bill, in the order of the one-stop bill (一站式结算单). */
export const PAYER_LAYERS = ['basicFund', 'catastrophic', 'supplementary', 'assistance', 'personalAccount', 'cash'] as const;
/** How the total divides before the funds pay. */
export const SCOPE_LAYERS = ['total', 'fullSelfPay', 'priorSelfPay', 'policyScope', 'deductible'] as const;

const COLORS: Record<string, string> = {
  basicFund: '#1677ff',
  catastrophic: '#722ed1',
  supplementary: '#13c2c2',
  assistance: '#52c41a',
  personalAccount: '#fa8c16',
  cash: '#8c8c8c',
};

/**
 * The payers' layers as a stacked bar. The widths come from the amounts' values, but every figure
 * shown is the API's own text (no sums are computed here).
 */
export function LayerBar({ amounts, testIdPrefix }: { amounts: SettlementAmounts; testIdPrefix: string }) {
  const { t } = useTranslation();
  const present = PAYER_LAYERS.filter((k) => amounts[k] !== undefined && amounts[k] !== null);
  return (
    <div>
      <div role="img" aria-label={t('persons.layers')} style={{ display: 'flex', height: 20, borderRadius: 4, overflow: 'hidden', background: '#f0f0f0' }}>
        {present.map((k) => {
          const weight = Math.max(0, Number(amounts[k]) || 0); // bar geometry only
          return weight > 0 ? (
            <div key={k} title={`${t(`layers.${k}`)} ${formatMoney(amounts[k])}`} style={{ flexGrow: weight, flexBasis: 0, background: COLORS[k] }} />
          ) : null;
        })}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginTop: 8 }}>
        {present.map((k) => (
          <span key={k} data-testid={`${testIdPrefix}-layer-${k}`} data-layer={k}>
            <Tag color={COLORS[k]}>{t(`layers.${k}`)}</Tag>
            <Money value={amounts[k]} testId={`${testIdPrefix}-amount-${k}`} />
          </span>
        ))}
      </div>
    </div>
  );
}

/** A step of the trace with its place in the policy pack's order (the API gives the steps in order). */
type Step = CalculationStep & { order: number };

/** The ratio (a fraction, 0.6) as a percentage (60.00%), or the bands' ratios (catastrophic insurance pays by bands). */
export function ratioText(s: CalculationStep): string {
  if (s.bands && s.bands.length > 0) {
    return s.bands.map((b) => `${formatMoney(b.from)}–${b.to === undefined || b.to === null ? '' : formatMoney(b.to)}: ${formatFractionAsPercent(b.ratio)}`).join('; ');
  }
  return formatFractionAsPercent(s.ratio);
}

/** The kinds of codes the services' explanations name (institution level, person type, place, assistance category). */
const EXPLANATION_KINDS: EnumKind[] = ['institutionLevel', 'personType', 'place', 'assistanceCategory', 'visitType', 'tier', 'scheme'];

/** A bill's calculation: its amounts layer by layer, the structured trace, and the lines. */
export function BillTrace({ bill }: { bill: SettlementView }) {
  const { t } = useTranslation();
  const e = useEnums();
  const { roles } = useAuth();
  const amounts = bill.amounts ?? {};
  const mayTrace = mayCall(roles, 'GET /api/settlement/settlements/{id}/trace');
  const trace = useApi(async () => unwrap(await settlement.GET('/api/settlement/settlements/{id}/trace', { params: { path: { id: bill.id! } } })),
    [bill.id], Boolean(bill.id) && mayTrace);
  /** A cap pool ("inpatient") by its visit type's label where there is one, else as given. */
  const poolLabel = (pool: string) => {
    const label = e('visitType', pool.toUpperCase());
    return label === pool.toUpperCase() ? pool : label;
  };
  /**
   * The service's explanation (its own words, in English) with the codes it names labelled where a label exists:
   * upper-case codes (LEVEL_3, RESIDENT) by their enum's label, and the step's cap pool ("pool inpatient") by its
   * visit type's.
   */
  const explain = (text: string | undefined, pool: string | undefined) => {
    let out = (text ?? '').replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{4,}\b/g, (code) => {
      for (const kind of EXPLANATION_KINDS) {
        const label = e(kind, code);
        if (label !== code) return label;
      }
      return code;
    });
    if (pool && /^\w+$/.test(pool)) out = out.replace(new RegExp(`\\bpool ${pool}\\b`, 'g'), `pool ${poolLabel(pool)}`);
    return out;
  };
  const steps: Step[] = (trace.data?.steps ?? []).map((s, i) => ({ ...s, order: i + 1 }));

  return (
    <div data-testid="bill-trace" data-settlement-id={bill.id}>
      <Typography.Title level={5}>{t('persons.trace')}</Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        {SCOPE_LAYERS.filter((k) => amounts[k] !== undefined).map((k) => (
          <Descriptions.Item key={k} label={t(`layers.${k}`)}>
            <span data-testid={`trace-layer-${k}`}><Money value={amounts[k]} testId={`trace-amount-${k}`} /></span>
          </Descriptions.Item>
        ))}
      </Descriptions>
      <LayerBar amounts={amounts} testIdPrefix="trace" />
      {mayTrace ? <ProblemAlert error={trace.error} /> : <div style={{ marginTop: 12 }}><SectionForbidden testId="trace-forbidden" /></div>}
      {trace.data && (
        <>
          {trace.data.policyPack && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('trace.policyPack')}: <span data-testid="trace-policy-pack">{trace.data.policyPack}</span>
            </Typography.Paragraph>
          )}
          <Table<Step>
            size="small"
            style={{ marginTop: 12 }}
            rowKey="order"
            pagination={false}
            scroll={{ x: true }}
            dataSource={steps}
            onRow={(s) => ({ 'data-testid': 'trace-step', 'data-layer': s.layer } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { title: '#', dataIndex: 'order', width: 48 },
              { title: t('trace.layer'), dataIndex: 'layer', render: (v, s) => (
                <span>{e('traceLayer', v)}{s.pool ? <Typography.Text type="secondary" title={s.pool}> · {poolLabel(s.pool)}</Typography.Text> : null}</span>) },
              { title: t('trace.base'), dataIndex: 'base', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('trace.deductibleDue'), dataIndex: 'deductibleDue', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('trace.threshold'), dataIndex: 'threshold', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('trace.ratio'), key: 'ratio', align: 'right', render: (_, s) => <span data-testid="trace-step-ratio">{ratioText(s)}</span> },
              { title: t('trace.cap'), key: 'cap', align: 'right', render: (_, s) => <Money value={s.annualCap ?? s.limit} /> },
              { title: t('trace.capLeft'), key: 'capLeft', align: 'right', render: (_, s) => <Money value={s.capLeft ?? s.limitLeft} /> },
              { title: t('trace.accumulatedBefore'), dataIndex: 'accumulatedBefore', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('trace.accumulatedAfter'), dataIndex: 'accumulatedAfter', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('trace.paidInFull'), dataIndex: 'paidInFull', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('common.amount'), dataIndex: 'amount', align: 'right', render: (v) => <Money value={v} testId="trace-step-amount" /> },
              { title: t('trace.explanation'), dataIndex: 'explanation', render: (v: string | undefined, st) => <span title={v}>{explain(v, st.pool)}</span> },
            ]}
          />
        </>
      )}
      {bill.lines && bill.lines.length > 0 && (
        <Table<LineView>
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(_, i) => String(i)}
          pagination={false}
          scroll={{ x: true }}
          dataSource={bill.lines}
          columns={[
            { title: t('trace.itemCode'), dataIndex: 'itemCode' },
            { title: t('trace.itemName'), dataIndex: 'itemName' },
            { title: t('trace.itemCategory'), dataIndex: 'category', render: (v) => e('itemCategory', v) },
            { title: t('trace.itemClass'), dataIndex: 'itemClass', render: (v) => e('itemClass', v) },
            { title: t('trace.quantity'), dataIndex: 'quantity', align: 'right' },
            { title: t('trace.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: (v) => <Money value={v} /> },
            { title: t('common.amount'), dataIndex: 'amount', align: 'right', render: (v) => <Money value={v} /> },
            { title: t('layers.fullSelfPay'), dataIndex: 'fullSelfPay', align: 'right', render: (v) => <Money value={v} /> },
            { title: t('layers.priorSelfPay'), dataIndex: 'priorSelfPay', align: 'right', render: (v) => <Money value={v} /> },
            { title: t('common.reason'), dataIndex: 'selfPaidBecause' },
          ]}
        />
      )}
    </div>
  );
}
