import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Space, Table, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { assistance, clearing, procurement, settlement, supervision } from '../api/clients';
import { unwrap } from '../api/problem';
import type { CategoryReport, Completion, InstitutionBudgetUse, MonthSpending, RuleCount, Spending } from '../api/schemas';
import { Chart } from '../components/Chart';
import { ExportButton, Money, ProblemAlert } from '../components/common';
import { useAuth } from '../auth/AuthContext';
import { useEnums } from '../i18n/enums';
import { currentYear } from '../lib/dates';
import { formatMoney, formatPercent } from '../lib/money';
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

export default function DashboardPage() {
  const { t } = useTranslation();
  const { hasAnyRole } = useAuth();
  const [year, setYear] = useState(currentYear());
  const [region, setRegion] = useState<string>();

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('dashboard.title')}</Typography.Title>}>
        <Form layout="inline" initialValues={{ year }} onFinish={(v: { year: number; region?: string }) => { setYear(v.year); setRegion(v.region || undefined); }}>
          <Form.Item name="year" label={t('common.year')} htmlFor="dashboard-year" rules={[{ required: true }]}>
            <InputNumber id="dashboard-year" data-testid="dashboard-year" min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="region" label={t('common.region')} htmlFor="dashboard-region">
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
  const e = useEnums();
  const report = useApi(async () => unwrap(await settlement.GET('/api/settlement/reports/{year}', { params: { path: { year }, query: { region } } })), [year, region]);
  // MonthlySpending: one row per month × scheme × visit type.
  const months = useApi(async () => unwrap(await settlement.GET('/api/settlement/reports/{year}/months', { params: { path: { year }, query: { region } } })), [year, region]);
  const rows: Spending[] = report.data?.spending ?? [];
  const schemes = [...new Set(rows.map((r) => r.scheme ?? ''))];
  const visits = [...new Set(rows.map((r) => r.visitType ?? ''))];
  const cell = (scheme: string, visit: string) => rows.find((r) => r.scheme === scheme && r.visitType === visit);

  // By visit type, a bar per scheme (each bar one row of the report; nothing is added up here).
  const byVisit: EChartsOption = {
    tooltip: moneyTooltip, legend: {}, grid: { containLabel: true },
    xAxis: { type: 'category', data: visits.map((v) => e('visitType', v)) }, yAxis: { type: 'value' },
    series: schemes.map((s) => ({ name: e('scheme', s), type: 'bar', data: visits.map((v) => point(cell(s, v)?.total)) })),
  };
  // Fund layers of each scheme × visit type, stacked.
  const categories = rows.map((r) => `${e('scheme', r.scheme)} · ${e('visitType', r.visitType)}`);
  const byLayer: EChartsOption = {
    tooltip: moneyTooltip, legend: {}, grid: { containLabel: true },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: categories },
    series: LAYERS.map((k) => ({ name: t(`layers.${k}`), type: 'bar', stack: 'layers', data: rows.map((r) => point(r[k])) })),
  };
  const monthRows: MonthSpending[] = months.data?.months ?? [];
  const monthList = [...new Set(monthRows.map((m) => m.month ?? ''))].sort();
  const byMonth: EChartsOption = {
    tooltip: moneyTooltip, legend: {}, grid: { containLabel: true },
    xAxis: { type: 'category', data: monthList }, yAxis: { type: 'value' },
    // One bar segment per report row (scheme × visit type × month) — stacking is drawing, not adding.
    series: [...new Set(monthRows.map((m) => `${m.scheme ?? ''}|${m.visitType ?? ''}`))].map((key) => {
      const [s, v] = key.split('|');
      return {
        name: `${e('scheme', s)} · ${e('visitType', v)}`, type: 'bar' as const, stack: s,
        data: monthList.map((m) => point(monthRows.find((r) => r.month === m && (r.scheme ?? '') === s && (r.visitType ?? '') === v)?.total)),
      };
    }),
  };

  return (
    <Card title={t('dashboard.spendingByVisit')} data-testid="spending">
      <ProblemAlert error={report.error} />
      <Row gutter={16}>
        <Col xs={24} xl={12}><Chart option={byVisit} testId="chart-spending-visit" label={t('dashboard.spendingByVisit')} /></Col>
        <Col xs={24} xl={12}><Typography.Text strong>{t('dashboard.spendingByLayer')}</Typography.Text><Chart option={byLayer} testId="chart-spending-layer" label={t('dashboard.spendingByLayer')} /></Col>
      </Row>
      <Typography.Title level={5}>{t('dashboard.spendingByMonth')}</Typography.Title>
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
          { title: t('persons.scheme'), dataIndex: 'scheme', render: (v) => e('scheme', v) },
          { title: t('persons.visitType'), dataIndex: 'visitType', render: (v) => e('visitType', v) },
          { title: t('dashboard.settlements'), dataIndex: 'settlements', align: 'right' },
          { title: t('dashboard.persons'), dataIndex: 'persons', align: 'right' },
          { title: t('layers.total'), dataIndex: 'total', align: 'right', render: (v) => <Money value={v} testId="figure-total" /> },
          { title: t('layers.policyScope'), dataIndex: 'policyScope', align: 'right', render: (v) => <Money value={v} testId="figure-policyScope" /> },
          ...LAYERS.map((k) => ({ title: t(`layers.${k}`), dataIndex: k, align: 'right' as const, render: (v: string) => <Money value={v} testId={`figure-${k}`} /> })),
        ]} />
    </Card>
  );
}

function Ratios({ year, region }: { year: number; region?: string }) {
  const { t } = useTranslation();
  const e = useEnums();
  const report = useApi(async () => unwrap(await assistance.GET('/api/assistance/reports', { params: { query: { year, region } } })), [year, region]);
  const rows: CategoryReport[] = report.data ?? [];
  const option: EChartsOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatPercent(v) }, legend: {}, grid: { containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => e('assistanceCategory', r.category)), axisLabel: { rotate: 30 } }, yAxis: { type: 'value', name: '%' },
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
          { title: t('persons.category'), dataIndex: 'category', render: (v) => e('assistanceCategory', v) },
          { title: t('dashboard.personTimes'), dataIndex: 'personTimes', align: 'right' },
          { title: t('layers.assistance'), dataIndex: 'assistance', align: 'right', render: (v) => <Money value={v} /> },
          { title: t('dashboard.policyScopeRatio'), dataIndex: 'policyScopeRatio', align: 'right', render: (v) => <span data-testid="figure-policy-scope-ratio">{formatPercent(v)}</span> },
          { title: t('dashboard.overallRatio'), dataIndex: 'overallRatio', align: 'right', render: (v) => <span data-testid="figure-overall-ratio">{formatPercent(v)}</span> },
        ]} />
    </Card>
  );
}

function Audit({ year }: { year: number }) {
  const { t } = useTranslation();
  const e = useEnums();
  const report = useApi(async () => unwrap(await supervision.GET('/api/supervision/reports/{year}', { params: { path: { year } } })), [year]);
  const rows: RuleCount[] = report.data?.violationsByRule ?? [];
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' }, grid: { containLabel: true },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: rows.map((r) => e('rule', r.rule)) },
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
          { title: t('dashboard.rule'), dataIndex: 'rule', render: (v) => e('rule', v) },
          { title: t('dashboard.count'), dataIndex: 'count', align: 'right', render: (v) => <span data-testid="figure-count">{v}</span> },
          { title: t('dashboard.atRisk'), dataIndex: 'amount_at_risk', align: 'right', render: (v) => <Money value={v} testId="figure-at-risk" /> },
        ]} />
    </Card>
  );
}

function Vbp({ year }: { year: number }) {
  const { t } = useTranslation();
  const e = useEnums();
  // The year's batches to choose from (BatchView[], snake_case).
  const batches = useApi(async () => unwrap(await procurement.GET('/api/procurement/batches', { params: { query: { year } } })), [year]);
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
      <ProblemAlert error={batches.error} />
      <Form layout="inline" style={{ marginBottom: 12 }} onFinish={(v: { batchId: string }) => setBatchId(v.batchId.trim())}>
        <Form.Item name="batchId" label={t('dashboard.batch')} htmlFor="vbp-batch" rules={[{ required: true }]}>
          <Input id="vbp-batch" data-testid="vbp-batch" list="vbp-batches" style={{ width: 220 }} />
        </Form.Item>
        <datalist id="vbp-batches">{(batches.data ?? []).map((b) => (
          <option key={b.batch_id} value={b.batch_id}>{`${b.name ?? ''} · ${e('batchLevel', b.level)} · ${e('batchKind', b.kind)}`}</option>
        ))}</datalist>
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
          { title: t('dashboard.item'), dataIndex: 'itemCode' },
          { title: t('dashboard.generic'), dataIndex: 'genericName' },
          { title: t('dashboard.agreed'), dataIndex: 'agreed', align: 'right' },
          { title: t('dashboard.consumed'), dataIndex: 'consumed', align: 'right' },
          { title: t('dashboard.completion'), dataIndex: 'completionPercent', align: 'right', render: (v) => <span data-testid="figure-completion">{formatPercent(v)}</span> },
          { title: t('dashboard.elapsed'), dataIndex: 'elapsedPercent', align: 'right', render: (v) => formatPercent(v) },
          { title: t('dashboard.savings'), dataIndex: 'savings', align: 'right', render: (v) => <Money value={v} /> },
        ]} />
    </Card>
  );
}

const REGION_CODE = /^\d{6}$/;

function BudgetUse({ year, region }: { year: number; region?: string }) {
  const { t } = useTranslation();
  const e = useEnums();
  const regionCode = region && REGION_CODE.test(region) ? region : undefined;
  const use = useApi(async () => unwrap(await clearing.GET('/api/clearing/budgets/{year}/use', { params: { path: { year: String(year) }, query: { regionCode: regionCode! } } })),
    [year, regionCode], Boolean(regionCode));
  const rows: InstitutionBudgetUse[] = regionCode ? use.data?.institutions ?? [] : [];
  const elapsed = regionCode ? use.data?.elapsedPercent : undefined;
  // A bar per institution and scheme (its used percentage), against the year's elapsed percentage.
  const institutions = [...new Set(rows.map((r) => r.institutionCode ?? ''))];
  const schemes = [...new Set(rows.map((r) => r.scheme))];
  const option: EChartsOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined || v === '-' ? '—' : `${String(v)}%`) },
    legend: {}, grid: { containLabel: true },
    xAxis: { type: 'category', data: institutions, axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', name: '%' },
    series: schemes.map((s, i) => ({
      name: e('scheme', s),
      type: 'bar' as const,
      data: institutions.map((code) => rows.find((r) => r.institutionCode === code && r.scheme === s)?.usedPercent ?? '-'),
      ...(i === 0 && elapsed !== undefined ? {
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed' as const, color: '#fa541c' },
          label: { formatter: `${t('dashboard.elapsed')} ${elapsed}%` },
          data: [{ name: t('dashboard.elapsed'), yAxis: elapsed }],
        },
      } : {}),
    })),
  };
  return (
    <Card title={t('dashboard.budget')} data-testid="budget">
      {!regionCode && <Alert type="info" showIcon message={t('dashboard.regionNeeded')} style={{ marginBottom: 12 }} data-testid="budget-region-needed" />}
      <ProblemAlert error={use.error} />
      {regionCode && use.data && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
          <Descriptions.Item label={t('common.region')}>{use.data.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.asOf')}><span data-testid="budget-as-of">{use.data.asOf}</span></Descriptions.Item>
          <Descriptions.Item label={t('dashboard.elapsed')}><span data-testid="figure-budget-elapsed">{formatPercent(use.data.elapsedPercent)}</span></Descriptions.Item>
        </Descriptions>
      )}
      {rows.length > 0 && <Chart option={option} testId="chart-budget" label={t('dashboard.budget')} />}
      <ExportButton rows={rows} filename={`budget-use-${year}-${regionCode ?? ''}.csv`} columns={[
        { title: 'institutionCode', value: (r) => r.institutionCode }, { title: 'scheme', value: (r) => r.scheme },
        { title: 'budgetVersion', value: (r) => r.budgetVersion },
        { title: 'annualAllocation', value: (r) => formatMoney(r.annualAllocation) }, { title: 'owedToDate', value: (r) => formatMoney(r.owedToDate) },
        { title: 'usedPercent', value: (r) => r.usedPercent }, { title: 'elapsedPercent', value: () => elapsed },
        { title: 'asOf', value: () => use.data?.asOf },
      ]} />
      <Table<InstitutionBudgetUse> size="small" rowKey={(r) => `${r.institutionCode}-${r.scheme}`} dataSource={rows} pagination={{ pageSize: 20 }} style={{ marginTop: 8 }}
        onRow={(r) => ({ 'data-testid': 'budget-row', 'data-institution': r.institutionCode, 'data-scheme': r.scheme } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('common.institution'), dataIndex: 'institutionCode' },
          { title: t('persons.scheme'), dataIndex: 'scheme', render: (v) => e('scheme', v) },
          { title: t('dashboard.budgetVersion'), dataIndex: 'budgetVersion', align: 'right' },
          { title: t('dashboard.allocation'), dataIndex: 'annualAllocation', align: 'right', render: (v) => <Money value={v} testId="figure-allocation" /> },
          { title: t('dashboard.owed'), dataIndex: 'owedToDate', align: 'right', render: (v) => <Money value={v} testId="figure-owed" /> },
          { title: t('dashboard.usedPercent'), dataIndex: 'usedPercent', align: 'right', render: (v) => <span data-testid="figure-used-percent">{formatPercent(v)}</span> },
        ]} />
    </Card>
  );
}
