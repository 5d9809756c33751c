import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SettlementAmounts, SettlementView } from '../api/schemas';
import { pending, type TraceStep } from '../api/pending';
import { unwrap } from '../api/problem';
import { Money, PendingEndpoint, ProblemAlert } from './common';
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

/** A bill's calculation: its amounts layer by layer, the structured trace when served, and the lines. */
export function BillTrace({ bill }: { bill: SettlementView }) {
  const { t } = useTranslation();
  const amounts = bill.amounts ?? {};
  // TODO(API-GAPS): GET /api/settlement/settlements/{id}/trace is proposed; switch to `settlement` once documented.
  const trace = useApi(async () => {
    const r = await pending.GET('/api/settlement/settlements/{id}/trace', { params: { path: { id: bill.id! } } });
    if (r.response.status === 404 || r.response.status === 405) return null;
    return unwrap(r);
  }, [bill.id], Boolean(bill.id));

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
      {trace.data === null && <PendingEndpoint endpoint="GET /api/settlement/settlements/{id}/trace" />}
      <ProblemAlert error={trace.error} />
      {trace.data && (
        <Table<TraceStep>
          size="small"
          style={{ marginTop: 12 }}
          rowKey="order"
          pagination={false}
          dataSource={trace.data.steps}
          onRow={(s) => ({ 'data-testid': 'trace-step', 'data-layer': s.layer } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: '#', dataIndex: 'order', width: 48 },
            { title: t('persons.layers'), dataIndex: 'name' },
            { title: 'base', dataIndex: 'base', align: 'right', render: (v) => <Money value={v} /> },
            { title: 'deductible', dataIndex: 'deductible', align: 'right', render: (v) => <Money value={v} /> },
            { title: 'ratio', dataIndex: 'ratio' },
            { title: 'ceiling', dataIndex: 'ceiling', align: 'right', render: (v) => <Money value={v} /> },
            { title: t('common.amount'), dataIndex: 'amount', align: 'right', render: (v) => <Money value={v} testId="trace-step-amount" /> },
            { title: t('common.details'), dataIndex: 'explanation' },
          ]}
        />
      )}
      {bill.lines && bill.lines.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={bill.lines}
          columns={[
            { title: 'item', dataIndex: 'itemCode' },
            { title: t('common.name'), dataIndex: 'itemName' },
            { title: 'class', dataIndex: 'itemClass' },
            { title: 'qty', dataIndex: 'quantity', align: 'right' },
            { title: 'price', dataIndex: 'unitPrice', align: 'right', render: (v) => <Money value={v} /> },
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
