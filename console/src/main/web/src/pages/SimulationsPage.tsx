import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Progress, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { settlement } from '../api/clients';
import { unwrap } from '../api/problem';
import type { SimulationResult, SimulationView } from '../api/schemas';
import { Chart } from '../components/Chart';
import { Money, ProblemAlert } from '../components/common';
import { useEnums } from '../i18n/enums';
import { currentYear, formatDateTime } from '../lib/dates';
import { downloadText } from '../lib/csv';
import { formatMoney, formatPercent } from '../lib/money';
import { useApi } from '../lib/useApi';

type Group = NonNullable<SimulationResult['groups']>[number];
type PersonChange = NonNullable<SimulationResult['cashRisesMost']>[number];

/** The payment layers whose change the chart shows (all bills of the period). */
const PAYING = ['basicFund', 'catastrophic', 'supplementary', 'assistance', 'personalAccount', 'cash'] as const;
const STATUS_COLOURS: Record<string, string> = { QUEUED: 'default', RUNNING: 'processing', SUCCEEDED: 'success', FAILED: 'error' };
const point = (text?: string) => ({ value: Number(text ?? 0), text }); // the bar's length only; the text is shown

/**
 * Policy impact simulation (政策测算, issue 28): a manager uploads a candidate pack, the settlement service replays the
 * year's bills under it in the background, and the result is read here as the service computed it — every figure is
 * the API's own text, never summed or rounded in the browser.
 */
export default function SimulationsPage() {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string>();
  const list = useApi(async () => unwrap(await settlement.GET('/api/settlement/policy-simulations')), []);
  const running = (list.data ?? []).some((s) => s.status === 'QUEUED' || s.status === 'RUNNING');
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => void list.reload(), 2000);
    return () => clearInterval(timer);
  }, [running, list.reload]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="simulations">
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('simulations.title')}</Typography.Title>}>
        <Typography.Paragraph type="secondary">{t('simulations.help')}</Typography.Paragraph>
        <Submit onQueued={(id) => { setSelected(id); void list.reload(); }} />
      </Card>
      <Card title={t('simulations.list')}>
        <ProblemAlert error={list.error} />
        <SimulationList rows={list.data ?? []} loading={list.loading && !list.data} onOpen={setSelected} selected={selected} />
      </Card>
      {selected && <ResultCard id={selected} finished={(list.data ?? []).find((s) => s.id === selected)?.status} />}
    </Space>
  );
}

function Submit({ onQueued }: { onQueued: (id: string) => void }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<{ year: number; from?: string; to?: string }>();

  const start = async (v: { year: number; from?: string; to?: string }) => {
    const file = files[0]?.originFileObj;
    if (!file) return;
    setBusy(true); setError(undefined);
    try {
      const yaml = await file.text();
      const queued = unwrap(await settlement.POST('/api/settlement/policy-simulations', {
        params: { query: { year: String(v.year), from: v.from || undefined, to: v.to || undefined } },
        body: yaml,
        bodySerializer: (b: unknown) => b as string,
        headers: { 'Content-Type': 'application/yaml;charset=UTF-8' },
      })) as SimulationView;
      if (queued.id) onQueued(queued.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ProblemAlert error={error} onClose={() => setError(undefined)} />
      <Form form={form} layout="inline" initialValues={{ year: currentYear() }} onFinish={(v) => void start(v)}>
        <Form.Item name="year" label={t('simulations.year')} htmlFor="simulation-year" rules={[{ required: true }]}>
          <InputNumber id="simulation-year" data-testid="simulation-year" min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="from" label={t('simulations.from')} htmlFor="simulation-from">
          <Input id="simulation-from" data-testid="simulation-from" placeholder="yyyy-MM-dd" style={{ width: 130 }} allowClear />
        </Form.Item>
        <Form.Item name="to" label={t('simulations.to')} htmlFor="simulation-to">
          <Input id="simulation-to" data-testid="simulation-to" placeholder="yyyy-MM-dd" style={{ width: 130 }} allowClear />
        </Form.Item>
        <Form.Item label={t('simulations.pack')} htmlFor="simulation-pack">
          <Upload id="simulation-pack" accept=".yml,.yaml,.txt" maxCount={1} fileList={files} beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)} data-testid="simulation-pack">
            <Button icon={<UploadOutlined />}>{t('simulations.pack')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!files.length} data-testid="simulation-start">{t('simulations.start')}</Button>
        </Form.Item>
      </Form>
    </>
  );
}

function SimulationList({ rows, loading, onOpen, selected }: { rows: SimulationView[]; loading: boolean; onOpen: (id: string) => void; selected?: string }) {
  const { t } = useTranslation();
  const e = useEnums();
  return (
    <Table<SimulationView> size="small" rowKey="id" dataSource={rows} loading={loading} pagination={{ pageSize: 10 }}
      rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
      onRow={(r) => ({ 'data-testid': 'simulation-row', 'data-simulation-id': r.id, 'data-status': r.status } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { title: t('simulations.candidate'), dataIndex: 'candidate' },
        { title: t('simulations.region'), dataIndex: 'region' },
        { title: t('simulations.year'), dataIndex: 'year' },
        { title: t('simulations.period'), render: (_, r) => `${r.from} – ${r.to}` },
        { title: t('common.status'), render: (_, r) => <Tag color={STATUS_COLOURS[r.status ?? ''] ?? 'default'} title={r.failure ?? undefined}>{e('simulationStatus', r.status)}</Tag> },
        {
          title: t('simulations.progress'),
          render: (_, r) => <Progress size="small" style={{ width: 140 }} aria-label={t('simulations.progress')}
            percent={r.status === 'SUCCEEDED' ? 100 : Number(r.percentDone ?? 0)} status={r.status === 'FAILED' ? 'exception' : undefined} />,
        },
        { title: t('simulations.requestedBy'), dataIndex: 'requestedBy' },
        { title: t('simulations.requestedAt'), render: (_, r) => formatDateTime(r.requestedAt) },
        {
          title: t('common.actions'),
          render: (_, r) => <Button size="small" data-testid="simulation-open" disabled={r.status !== 'SUCCEEDED'} onClick={() => r.id && onOpen(r.id)}>{t('simulations.select')}</Button>,
        },
      ]} />
  );
}

function ResultCard({ id, finished }: { id: string; finished?: string }) {
  const { t } = useTranslation();
  const e = useEnums();
  const sim = useApi(async () => unwrap(await settlement.GET('/api/settlement/policy-simulations/{id}', { params: { path: { id } } })), [id, finished]);
  const [downloadError, setDownloadError] = useState<unknown>();
  const result = sim.data?.result;
  const groups: Group[] = result?.groups ?? [];
  const all = groups.find((g) => g.dimension === 'ALL');
  const visits = groups.filter((g) => g.dimension === 'VISIT_TYPE');

  const download = async (path: '/api/settlement/policy-simulations/{id}/report.csv' | '/api/settlement/policy-simulations/{id}/persons.csv', name: string) => {
    setDownloadError(undefined);
    try {
      const r = await settlement.GET(path, { params: { path: { id } }, parseAs: 'text' });
      downloadText(name, unwrap(r) as unknown as string);
    } catch (err) {
      setDownloadError(err);
    }
  };

  const byLayer: EChartsOption = {
    tooltip: { trigger: 'axis', formatter: (p: unknown) => (Array.isArray(p) ? p : [p]).map((x: { name?: string; data?: { text?: string } }) => `${x.name}: ${formatMoney(x.data?.text)}`).join('<br/>') },
    grid: { containLabel: true },
    xAxis: { type: 'category', data: PAYING.map((l) => t(`layers.${l}`)), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: t('simulations.difference'), data: PAYING.map((l) => point(all?.difference?.[l])) }],
  };
  const byVisit: EChartsOption = {
    tooltip: { trigger: 'axis' }, legend: {}, grid: { containLabel: true },
    xAxis: { type: 'category', data: visits.map((g) => e('visitType', g.value)) },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: t('simulations.settled'), data: visits.map((g) => point(g.settled?.fundsPaid)) },
      { type: 'bar', name: t('simulations.replayed'), data: visits.map((g) => point(g.replayed?.fundsPaid)) },
    ],
  };
  const label = (g: Group) => (g.dimension === 'ALL' ? e('simulationDimension', 'ALL')
    : `${e('simulationDimension', g.dimension)} · ${g.dimension === 'VISIT_TYPE' ? e('visitType', g.value) : g.dimension === 'INSTITUTION_LEVEL' ? (g.value === 'UNKNOWN' ? t('simulations.unknown') : e('institutionLevel', g.value))
      : g.dimension === 'ASSISTANCE_CATEGORY' ? (g.value === 'NONE' ? t('simulations.noCategory') : g.value === 'UNKNOWN' ? t('simulations.unknown') : e('assistanceCategory', g.value)) : g.dimension === 'SCHEME' ? e('scheme', g.value) : g.dimension === 'REPLAYED_BY' ? e('replayedBy', g.value) : g.value}`);

  return (
    <Card title={`${t('simulations.result')} · ${sim.data?.candidate ?? ''}`} data-testid="simulation-result">
      <ProblemAlert error={sim.error ?? downloadError} />
      {result && (result.billsInPeriod ?? 0) > (result.billsUnderCandidate ?? 0) && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="coverage-warning"
          message={t('simulations.coverage', { under: result.billsUnderCandidate ?? 0, all: result.billsInPeriod ?? 0 })} />
      )}
      {result && !all && <Alert type="info" showIcon message={t('simulations.noBills')} data-testid="no-bills" />}
      {result && all && (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('simulations.bills')}><span data-testid="result-bills">{result.bills}</span></Descriptions.Item>
            <Descriptions.Item label={t('simulations.billsInPeriod')}><span data-testid="result-bills-in-period">{result.billsInPeriod}</span></Descriptions.Item>
            <Descriptions.Item label={t('simulations.persons')}>{result.persons}</Descriptions.Item>
            <Descriptions.Item label={`${t('simulations.fundsPaid')} · ${t('simulations.settled')}`}><Money value={all.settled?.fundsPaid} testId="all-funds-settled" /></Descriptions.Item>
            <Descriptions.Item label={`${t('simulations.fundsPaid')} · ${t('simulations.replayed')}`}><Money value={all.replayed?.fundsPaid} testId="all-funds-replayed" /></Descriptions.Item>
            <Descriptions.Item label={`${t('simulations.fundsPaid')} · ${t('simulations.difference')}`}><Money value={all.difference?.fundsPaid} testId="all-funds-difference" /></Descriptions.Item>
            <Descriptions.Item label={`${t('simulations.policyScopeRatio')} · ${t('simulations.settled')} → ${t('simulations.replayed')}`}>
              <span data-testid="all-ratio">{formatPercent(all.settledRatios?.policyScope)} → {formatPercent(all.replayedRatios?.policyScope)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={`${t('simulations.catastrophicPersons')}`}>{all.catastrophicPersons?.settled} → {all.catastrophicPersons?.replayed}</Descriptions.Item>
            <Descriptions.Item label={`${t('simulations.assistedPersons')}`}>{all.assistedPersons?.settled} → {all.assistedPersons?.replayed}</Descriptions.Item>
          </Descriptions>
          <Space style={{ margin: '12px 0' }}>
            <Button icon={<DownloadOutlined />} data-testid="download-report" onClick={() => void download('/api/settlement/policy-simulations/{id}/report.csv', `policy-simulation-${id}.csv`)}>{t('simulations.downloadReport')}</Button>
            <Button icon={<DownloadOutlined />} data-testid="download-persons" onClick={() => void download('/api/settlement/policy-simulations/{id}/persons.csv', `policy-simulation-${id}-persons.csv`)}>{t('simulations.downloadPersons')}</Button>
          </Space>
          <Row gutter={16}>
            <Col xs={24} xl={12}><Typography.Title level={5}>{t('simulations.byLayer')}</Typography.Title><Chart option={byLayer} testId="chart-by-layer" label={t('simulations.byLayer')} /></Col>
            <Col xs={24} xl={12}><Typography.Title level={5}>{t('simulations.byVisit')}</Typography.Title><Chart option={byVisit} testId="chart-by-visit" label={t('simulations.byVisit')} /></Col>
          </Row>
          <Typography.Title level={5}>{t('simulations.groups')}</Typography.Title>
          <Table<Group> size="small" rowKey={(g) => `${g.dimension}|${g.value}`} dataSource={groups} pagination={false} scroll={{ x: true }}
            onRow={(g) => ({ 'data-testid': 'group-row', 'data-group': `${g.dimension}|${g.value}` } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('simulations.dimension'), render: (_, g) => label(g) },
              { title: t('simulations.bills'), dataIndex: 'bills', align: 'right' },
              { title: t('persons.total'), render: (_, g) => <Money value={g.settled?.total} />, align: 'right' },
              { title: `${t('layers.basicFund')} · ${t('simulations.difference')}`, render: (_, g) => <Money value={g.difference?.basicFund} />, align: 'right' },
              { title: `${t('simulations.fundsPaid')} · ${t('simulations.settled')}`, render: (_, g) => <Money value={g.settled?.fundsPaid} />, align: 'right' },
              { title: `${t('simulations.fundsPaid')} · ${t('simulations.replayed')}`, render: (_, g) => <Money value={g.replayed?.fundsPaid} />, align: 'right' },
              { title: `${t('simulations.cash')} · ${t('simulations.difference')}`, render: (_, g) => <span data-testid="group-cash-difference"><Money value={g.difference?.cash} /></span>, align: 'right' },
              { title: t('simulations.policyScopeRatio'), render: (_, g) => `${formatPercent(g.settledRatios?.policyScope)} → ${formatPercent(g.replayedRatios?.policyScope)}` },
              { title: t('simulations.overallRatio'), render: (_, g) => `${formatPercent(g.settledRatios?.overall)} → ${formatPercent(g.replayedRatios?.overall)}` },
            ]} />
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}><Persons title={t('simulations.cashRises')} rows={result.cashRisesMost ?? []} testId="persons-rises" /></Col>
            <Col xs={24} xl={12}><Persons title={t('simulations.cashFalls')} rows={result.cashFallsMost ?? []} testId="persons-falls" /></Col>
          </Row>
          {(result.refusals ?? []).length > 0 && (
            <>
              <Typography.Title level={5}>{t('simulations.refusals')}</Typography.Title>
              <Table size="small" rowKey="settlementId" dataSource={result.refusals ?? []} pagination={{ pageSize: 10 }}
                columns={[{ title: t('queues.settlementId'), dataIndex: 'settlementId' }, { title: t('persons.visitType'), render: (_, r) => e('visitType', r.visitType) },
                  { title: t('common.reason'), dataIndex: 'reason' }]} />
            </>
          )}
        </>
      )}
    </Card>
  );
}

function Persons({ title, rows, testId }: { title: string; rows: PersonChange[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table<PersonChange> size="small" rowKey="person" dataSource={rows} pagination={false}
        columns={[
          { title: t('common.person'), dataIndex: 'person' },
          { title: t('simulations.bills'), dataIndex: 'bills', align: 'right' },
          { title: `${t('simulations.cash')} · ${t('simulations.settled')}`, render: (_, p) => <Money value={p.settledCash} />, align: 'right' },
          { title: `${t('simulations.cash')} · ${t('simulations.replayed')}`, render: (_, p) => <Money value={p.replayedCash} />, align: 'right' },
          { title: t('simulations.difference'), render: (_, p) => <Money value={p.difference} />, align: 'right' },
        ]} />
    </div>
  );
}
