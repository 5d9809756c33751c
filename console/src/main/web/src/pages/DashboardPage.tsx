import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Space, Table, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { assistance, procurement, settlement, supervision } from '../api/clients';
import { pending } from '../api/pending';
import { unwrap } from '../api/problem';
import type { CategoryReport, Completion, RuleCount, Spending } from '../api/schemas';
import { Chart } from '../components/Chart';
import { ExportButton, Money, PendingEndpoint, ProblemAlert } from '../components/common';
import { useAuth } from '../auth/AuthContext';
import { currentYear } from '../lib/dates';
import { formatMoney } from '../lib/money';
import { useApi } from '../lib/useApi';

const LAYERS = ['basicFund', 'catastrophic', 'supplementary', 'assistance', 'personalAccount', 'cash'] as const;

/** Tooltip showing each series' exact text (kept in the data item's `text`). */
const moneyTooltip: EChartsOption['tooltip'] = {
  trigger: 'axis',
  formatter: (params: unknown) => {
    const list = Array.isArray(params) ? params : [params];
    return list.map((p: { seriesName?: string; axisValueLabel?: string; data?: { text?: string } }, i: number) =>
      `${i === 0 ? `${p.axisValueLabel ?? ''}<br/>` : ''}${p.seriesName ?? ''}: ${formatMoney(p.data?.text)}`).join('<br/>');
  },
};
const point = (text?: string) => ({ value: Number(text ?? 0), text }); // bar length only; text is shown

async function optional<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T | null> {
  const r = await call;
  if (r.response.status === 404 || r.response.status === 405) return null;
  return unwrap(r);
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const { hasAnyRole } = useAuth();
  const [year, setYear] = useState(currentYear());
  const [region, setRegion] = useState<string>();

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('dashboard.title')}</Typography.Title>}>
        <Form layout="inline" initialValues={{ year }} onFinish={(v: { year: number; region?: string }) => { setYear(v.year); setRegion(v.region || undefined); }}>
          <Form.Item name="year" label={t('common.year')} rules={[{ required: true }]}>
            <InputNumber id="dashboard-year" data-testid="dashboard-year" min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="region" label={t('common.region')}>
            <Input id="dashboard-region" data-testid="dashboard-region" allowClear style={{ width: 120 }} />
          </Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" data-testid="dashboard-apply">{t('common.search')}</Button></Form.Item>
        </Form>
      </Card>
      {hasAnyRole(['AUDITOR', 'MANAGER']) && <Spending year={year} region={region} />}
      <Row gutter={16}>
        {hasAnyRole(['ASSISTANCE_OFFICER', 'MANAGER']) && <Col xs={24} xl={12}><Ratios year={year} region={region} /></Col>}
        {hasAnyRole(['AUDITOR', 'MANAGER']) && <Col xs={24} xl={12}><Audit year={year} /></Col>}
      </Row>
      {hasAnyRole(['PROCUREMENT_OFFICER', 'MANAGER']) && <Vbp year={year} />}
      {hasAnyRole(['CLEARING_OFFICER', 'MANAGER']) && <BudgetUse year={year} region={region} />}
    </Space>
  );
}

function Spending({ year, region }: { year: number; region?: string }) {
  const { t } = useTranslation();
  const report = useApi(async () => unwrap(await settlement.GET('/api/settlement/reports/{year}', { params: { path: { year }, query: { region } } })), [year, region]);
  // TODO(API-GAPS): GET /api/settlement/reports/{year}/months
  const months = useApi(() => optional(pending.GET('/api/settlement/reports/{year}/months', { params: { path: { year }, query: { region } } })), [year, region]);
  const rows: Spending[] = report.data?.spending ?? [];
  const schemes = [...new Set(rows.map((r) => r.scheme ?? ''))];
  const visits = [...new Set(rows.map((r) => r.visitType ?? ''))];
  const cell = (scheme: string, visit: string) => rows.find((r) => r.scheme === scheme && r.visitType === visit);

  // By visit type, a bar per scheme (each bar one row of the report; nothing is added up here).
  const byVisit: EChartsOption = {
    tooltip: moneyTooltip, legend: {}, grid: { containLabel: true },
    xAxis: { type: 'category', data: visits }, yAxis: { type: 'value' },
    series: schemes.map((s) => ({ name: s, type: 'bar', data: visits.map((v) => point(cell(s, v)?.total)) })),
  };
  // Fund layers of each scheme × visit type, stacked.
  const categories = rows.map((r) => `${r.scheme} · ${r.visitType}`);
  const byLayer: EChartsOption = {
    tooltip: moneyTooltip, legend: {}, grid: { containLabel: true },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: categories },
    series: LAYERS.map((k) => ({ name: t(`layers.${k}`), type: 'bar', stack: 'layers', data: rows.map((r) => point(r[k])) })),
  };
  const monthRows = months.data?.months ?? [];
  const monthList = [...new Set(monthRows.map((m) => m.month))].sort();
  const byMonth: EChartsOption = {
    tooltip: moneyTooltip, legend: {}, grid: { containLabel: true },
    xAxis: { type: 'category', data: monthList }, yAxis: { type: 'value' },
    series: [...new Set(monthRows.map((m) => m.scheme ?? ''))].map((s) => ({
      name: s, type: 'bar', stack: 'month',
      // One bar segment per report row (scheme × visit type × month) — stacking is drawing, not adding.
      data: monthList.map((m) => point(monthRows.find((r) => r.month === m && r.scheme === s)?.total)),
    })),
  };

  return (
    <Card title={t('dashboard.spendingByVisit')} data-testid="spending">
      <ProblemAlert error={report.error} />
      <Row gutter={16}>
        <Col xs={24} xl={12}><Chart option={byVisit} testId="chart-spending-visit" label={t('dashboard.spendingByVisit')} /></Col>
        <Col xs={24} xl={12}><Typography.Text strong>{t('dashboard.spendingByLayer')}</Typography.Text><Chart option={byLayer} testId="chart-spending-layer" label={t('dashboard.spendingByLayer')} /></Col>
      </Row>
      <Typography.Title level={5}>{t('dashboard.spendingByMonth')}</Typography.Title>
      {months.data === null && <PendingEndpoint endpoint="GET /api/settlement/reports/{year}/months?region=" />}
      <ProblemAlert error={months.error} />
      {monthRows.length > 0 && <Chart option={byMonth} testId="chart-spending-month" label={t('dashboard.spendingByMonth')} />}
      <Space style={{ margin: '12px 0' }}>
        <ExportButton rows={rows} filename={`spending-${year}.csv`} columns={[
          { title: t('persons.scheme'), value: (r) => r.scheme }, { title: t('persons.visitType'), value: (r) => r.visitType },
          { title: 'settlements', value: (r) => r.settlements }, { title: 'persons', value: (r) => r.persons },
          { title: t('layers.total'), value: (r) => formatMoney(r.total) }, { title: t('layers.policyScope'), value: (r) => formatMoney(r.policyScope) },
          ...LAYERS.map((k) => ({ title: t(`layers.${k}`), value: (r: Spending) => formatMoney(r[k]) })),
        ]} />
      </Space>
      <Table<Spending> size="small" rowKey={(r) => `${r.scheme}-${r.visitType}`} dataSource={rows} pagination={false} scroll={{ x: true }}
        onRow={(r) => ({ 'data-testid': 'spending-row', 'data-scheme': r.scheme, 'data-visit-type': r.visitType } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('persons.scheme'), dataIndex: 'scheme' },
          { title: t('persons.visitType'), dataIndex: 'visitType' },
          { title: 'settlements', dataIndex: 'settlements', align: 'right' },
          { title: t('layers.total'), dataIndex: 'total', align: 'right', render: (v) => <Money value={v} testId="figure-total" /> },
          { title: t('layers.policyScope'), dataIndex: 'policyScope', align: 'right', render: (v) => <Money value={v} testId="figure-policyScope" /> },
          ...LAYERS.map((k) => ({ title: t(`layers.${k}`), dataIndex: k, align: 'right' as const, render: (v: string) => <Money value={v} testId={`figure-${k}`} /> })),
        ]} />
    </Card>
  );
}

function Ratios({ year, region }: { year: number; region?: string }) {
  const { t } = useTranslation();
  const report = useApi(async () => unwrap(await assistance.GET('/api/assistance/reports', { params: { query: { year, region } } })), [year, region]);
  const rows: CategoryReport[] = report.data ?? [];
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' }, legend: {}, grid: { containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.category ?? ''), axisLabel: { rotate: 30 } }, yAxis: { type: 'value' },
    series: [
      { name: t('dashboard.policyScopeRatio'), type: 'bar', data: rows.map((r) => r.policyScopeRatio ?? 0) },
      { name: t('dashboard.overallRatio'), type: 'bar', data: rows.map((r) => r.overallRatio ?? 0) },
    ],
  };
  return (
    <Card title={t('dashboard.ratios')} data-testid="ratios">
      <ProblemAlert error={report.error} />
      <Chart option={option} testId="chart-ratios" label={t('dashboard.ratios')} />
      <ExportButton rows={rows} filename={`assistance-ratios-${year}.csv`} columns={[
        { title: t('persons.category'), value: (r) => r.category }, { title: 'personTimes', value: (r) => r.personTimes },
        { title: t('layers.assistance'), value: (r) => formatMoney(r.assistance) }, { title: t('dashboard.policyScopeRatio'), value: (r) => r.policyScopeRatio },
        { title: t('dashboard.overallRatio'), value: (r) => r.overallRatio },
      ]} />
      <Table<CategoryReport> size="small" rowKey="category" dataSource={rows} pagination={false} style={{ marginTop: 8 }}
        onRow={(r) => ({ 'data-testid': 'ratio-row', 'data-category': r.category } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('persons.category'), dataIndex: 'category' },
          { title: 'personTimes', dataIndex: 'personTimes', align: 'right' },
          { title: t('layers.assistance'), dataIndex: 'assistance', align: 'right', render: (v) => <Money value={v} /> },
          { title: t('dashboard.policyScopeRatio'), dataIndex: 'policyScopeRatio', align: 'right', render: (v) => <span data-testid="figure-policy-scope-ratio">{v ?? '—'}</span> },
          { title: t('dashboard.overallRatio'), dataIndex: 'overallRatio', align: 'right', render: (v) => <span data-testid="figure-overall-ratio">{v ?? '—'}</span> },
        ]} />
    </Card>
  );
}

function Audit({ year }: { year: number }) {
  const { t } = useTranslation();
  const report = useApi(async () => unwrap(await supervision.GET('/api/supervision/reports/{year}', { params: { path: { year } } })), [year]);
  const rows: RuleCount[] = report.data?.violationsByRule ?? [];
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' }, grid: { containLabel: true },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: rows.map((r) => r.rule ?? '') },
    series: [{ name: t('dashboard.count'), type: 'bar', data: rows.map((r) => r.count ?? 0) }],
  };
  return (
    <Card title={t('dashboard.audit')} data-testid="audit">
      <ProblemAlert error={report.error} />
      <Chart option={option} testId="chart-audit" label={t('dashboard.audit')} height={Math.max(240, rows.length * 28)} />
      <ExportButton rows={rows} filename={`audit-${year}.csv`} columns={[
        { title: 'rule', value: (r) => r.rule }, { title: t('dashboard.count'), value: (r) => r.count },
        { title: t('dashboard.atRisk'), value: (r) => formatMoney(r.amount_at_risk) },
      ]} />
      <Table<RuleCount> size="small" rowKey="rule" dataSource={rows} pagination={false} style={{ marginTop: 8 }}
        onRow={(r) => ({ 'data-testid': 'audit-row', 'data-rule': r.rule } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: 'rule', dataIndex: 'rule' },
          { title: t('dashboard.count'), dataIndex: 'count', align: 'right', render: (v) => <span data-testid="figure-count">{v}</span> },
          { title: t('dashboard.atRisk'), dataIndex: 'amount_at_risk', align: 'right', render: (v) => <Money value={v} testId="figure-at-risk" /> },
        ]} />
    </Card>
  );
}

function Vbp({ year }: { year: number }) {
  const { t } = useTranslation();
  // TODO(API-GAPS): GET /api/procurement/batches (the batches to choose from)
  const batches = useApi(() => optional(pending.GET('/api/procurement/batches', { params: { query: { year } } })), [year]);
  const [batchId, setBatchId] = useState<string>();
  const report = useApi(async () => unwrap(await procurement.GET('/api/procurement/batches/{batchId}/report', { params: { path: { batchId: batchId! }, query: { year } } })), [batchId, year], Boolean(batchId));
  const rows: Completion[] = report.data ?? [];
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' }, legend: {}, grid: { containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => `${r.institution} · ${r.genericName ?? r.itemCode}`), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', name: '%' },
    series: [
      { name: t('dashboard.completion'), type: 'bar', data: rows.map((r) => r.completionPercent ?? 0) },
      { name: t('dashboard.elapsed'), type: 'line', data: rows.map((r) => r.elapsedPercent ?? 0) },
    ],
  };
  return (
    <Card title={t('dashboard.vbp')} data-testid="vbp">
      {batches.data === null && <PendingEndpoint endpoint="GET /api/procurement/batches?year=" />}
      <Form layout="inline" style={{ marginBottom: 12 }} onFinish={(v: { batchId: string }) => setBatchId(v.batchId.trim())}>
        <Form.Item name="batchId" label={t('dashboard.batch')} rules={[{ required: true }]}>
          <Input id="vbp-batch" data-testid="vbp-batch" list="vbp-batches" style={{ width: 220 }} />
        </Form.Item>
        <datalist id="vbp-batches">{(batches.data ?? []).map((b) => <option key={b.batch_id} value={b.batch_id}>{b.name}</option>)}</datalist>
        <Form.Item><Button type="primary" htmlType="submit">{t('common.search')}</Button></Form.Item>
      </Form>
      <ProblemAlert error={report.error} />
      {rows.length > 0 && <Chart option={option} testId="chart-vbp" label={t('dashboard.vbp')} />}
      <ExportButton rows={rows} filename={`vbp-${batchId ?? ''}-${year}.csv`} columns={[
        { title: t('common.institution'), value: (r) => r.institution }, { title: 'item', value: (r) => r.itemCode },
        { title: 'generic', value: (r) => r.genericName }, { title: 'agreed', value: (r) => r.agreed }, { title: 'consumed', value: (r) => r.consumed },
        { title: t('dashboard.completion'), value: (r) => r.completionPercent }, { title: t('dashboard.elapsed'), value: (r) => r.elapsedPercent },
        { title: 'savings', value: (r) => formatMoney(r.savings) },
      ]} />
      <Table<Completion> size="small" rowKey={(r) => `${r.institution}-${r.itemCode}`} dataSource={rows} pagination={{ pageSize: 20 }} style={{ marginTop: 8 }}
        onRow={(r) => ({ 'data-testid': 'vbp-row', 'data-institution': r.institution, 'data-item': r.itemCode } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('common.institution'), dataIndex: 'institution' },
          { title: 'item', dataIndex: 'itemCode' },
          { title: 'generic', dataIndex: 'genericName' },
          { title: 'agreed', dataIndex: 'agreed', align: 'right' },
          { title: 'consumed', dataIndex: 'consumed', align: 'right' },
          { title: t('dashboard.completion'), dataIndex: 'completionPercent', align: 'right', render: (v) => <span data-testid="figure-completion">{v}</span> },
          { title: t('dashboard.elapsed'), dataIndex: 'elapsedPercent', align: 'right' },
          { title: 'savings', dataIndex: 'savings', align: 'right', render: (v) => <Money value={v} /> },
        ]} />
    </Card>
  );
}

function BudgetUse({ year, region }: { year: number; region?: string }) {
  const { t } = useTranslation();
  // TODO(API-GAPS): GET /api/clearing/budgets/{year}/use?regionCode=
  const use = useApi(() => optional(pending.GET('/api/clearing/budgets/{year}/use', { params: { path: { year }, query: { regionCode: region } } })), [year, region]);
  const rows = use.data ?? [];
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' }, legend: {}, grid: { containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => `${r.institutionCode} · ${r.scheme}`), axisLabel: { rotate: 30 } }, yAxis: { type: 'value', name: '%' },
    series: [
      { name: t('dashboard.budget'), type: 'bar', data: rows.map((r) => r.usedPercent) },
      { name: t('dashboard.elapsed'), type: 'line', data: rows.map((r) => r.elapsedPercent) },
    ],
  };
  return (
    <Card title={t('dashboard.budget')} data-testid="budget">
      {use.data === null && <PendingEndpoint endpoint="GET /api/clearing/budgets/{year}/use?regionCode=" />}
      <ProblemAlert error={use.error} />
      {rows.length > 0 && <Chart option={option} testId="chart-budget" label={t('dashboard.budget')} />}
      <ExportButton rows={rows} filename={`budget-use-${year}.csv`} columns={[
        { title: t('common.institution'), value: (r) => r.institutionCode }, { title: t('persons.scheme'), value: (r) => r.scheme },
        { title: 'allocation', value: (r) => formatMoney(r.annualAllocation) }, { title: 'owed', value: (r) => formatMoney(r.owedToDate) },
        { title: '%', value: (r) => r.usedPercent },
      ]} />
      <Table size="small" rowKey={(r) => `${r.institutionCode}-${r.scheme}`} dataSource={rows} pagination={{ pageSize: 20 }} style={{ marginTop: 8 }}
        onRow={() => ({ 'data-testid': 'budget-row' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('common.institution'), dataIndex: 'institutionCode' },
          { title: t('persons.scheme'), dataIndex: 'scheme' },
          { title: 'allocation', dataIndex: 'annualAllocation', align: 'right', render: (v) => <Money value={v} /> },
          { title: 'owed', dataIndex: 'owedToDate', align: 'right', render: (v) => <Money value={v} /> },
          { title: '%', dataIndex: 'usedPercent', align: 'right' },
        ]} />
    </Card>
  );
}
