import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalculationStep, LineView, SettlementAmounts, SettlementView } from '../api/schemas';
import { settlement } from '../api/clients';
import { unwrap } from '../api/problem';
import { Money, ProblemAlert } from './common';
import { useEnums } from '../i18n/enums';
import { formatMoney } from '../lib/money';
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

/** The ratio as the API gives it, or the bands' ratios (catastrophic insurance pays by bands). */
function ratioText(s: CalculationStep): string {
  if (s.bands && s.bands.length > 0) {
    return s.bands.map((b) => `${formatMoney(b.from)}–${b.to === undefined || b.to === null ? '' : formatMoney(b.to)}: ${b.ratio ?? '—'}`).join('; ');
  }
  return s.ratio === undefined || s.ratio === null ? '—' : String(s.ratio);
}

/** A bill's calculation: its amounts layer by layer, the structured trace, and the lines. */
export function BillTrace({ bill }: { bill: SettlementView }) {
  const { t } = useTranslation();
  const e = useEnums();
  const amounts = bill.amounts ?? {};
  const trace = useApi(async () => unwrap(await settlement.GET('/api/settlement/settlements/{id}/trace', { params: { path: { id: bill.id! } } })),
    [bill.id], Boolean(bill.id));
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
      <ProblemAlert error={trace.error} />
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
                <span>{e('traceLayer', v)}{s.pool ? <Typography.Text type="secondary"> · {s.pool}</Typography.Text> : null}</span>) },
              { title: t('trace.base'), dataIndex: 'base', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('trace.deductibleDue'), dataIndex: 'deductibleDue', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('trace.threshold'), dataIndex: 'threshold', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('trace.ratio'), key: 'ratio', render: (_, s) => ratioText(s) },
              { title: t('trace.cap'), key: 'cap', align: 'right', render: (_, s) => <Money value={s.annualCap ?? s.limit} /> },
              { title: t('trace.capLeft'), key: 'capLeft', align: 'right', render: (_, s) => <Money value={s.capLeft ?? s.limitLeft} /> },
              { title: t('trace.accumulatedBefore'), dataIndex: 'accumulatedBefore', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('trace.accumulatedAfter'), dataIndex: 'accumulatedAfter', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('trace.paidInFull'), dataIndex: 'paidInFull', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('common.amount'), dataIndex: 'amount', align: 'right', render: (v) => <Money value={v} testId="trace-step-amount" /> },
              { title: t('trace.explanation'), dataIndex: 'explanation' },
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
            { title: t('common.name'), dataIndex: 'itemName' },
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
