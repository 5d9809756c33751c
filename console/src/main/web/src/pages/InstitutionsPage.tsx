import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { supervision } from '../api/clients';
import { unwrap } from '../api/problem';
import type { ChangeAgreement, Inspection, Institution } from '../api/schemas';
import { ExportButton, PendingEndpoint, ProblemAlert } from '../components/common';
import { pending } from '../api/pending';
import { useProblemSubmit } from '../components/ProblemForm';
import { useAuth } from '../auth/AuthContext';
import { currentYear, formatDateTime } from '../lib/dates';
import { useApi } from '../lib/useApi';

const STATUSES: ChangeAgreement['status'][] = ['ACTIVE', 'SUSPENDED', 'TERMINATED'];
const STATUS_COLOR: Record<string, string> = { ACTIVE: 'green', SUSPENDED: 'orange', TERMINATED: 'red' };

export default function InstitutionsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<{ region?: string; status?: Institution['status']; q?: string }>({});
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const [selected, setSelected] = useState<string>();
  const searching = Boolean(filter.q) || !filter.region;
  const list = useApi(async (): Promise<{ rows: Institution[]; total?: number; pendingSearch?: boolean }> => {
    if (searching) {
      // TODO(API-GAPS): GET /api/supervision/institution-search (paged, any region, by name or code)
      const r = await pending.GET('/api/supervision/institution-search', {
        params: { query: { region: filter.region, status: filter.status, q: filter.q, limit: size, offset: (page - 1) * size } },
      });
      if (r.response.status === 404 || r.response.status === 405) return { rows: [], pendingSearch: true };
      const body = unwrap(r);
      return { rows: body.institutions, total: body.total };
    }
    // Today's list: one region, not paged (the table pages it here).
    return { rows: unwrap(await supervision.GET('/api/supervision/institutions', { params: { query: { region: filter.region!, status: filter.status } } })) };
  }, [filter.region, filter.status, filter.q, page, size, searching]);
  const rows = list.data?.rows ?? [];
  const serverPaged = list.data?.total !== undefined;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('institutions.title')}</Typography.Title>}>
        <Form layout="inline" style={{ marginBottom: 12 }} onFinish={(v: { region?: string; status?: Institution['status']; q?: string }) => { setPage(1); setFilter({ region: v.region || undefined, status: v.status, q: v.q || undefined }); }}>
          <Form.Item name="q" label={`${t('institutions.code')} / ${t('common.name')}`}>
            <Input id="institution-query" data-testid="institution-query" allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="region" label={t('common.region')}>
            <Input id="institution-region" data-testid="institution-region" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="status" label={t('common.status')}>
            <Select id="institution-status" allowClear style={{ width: 140 }} options={STATUSES.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" data-testid="institution-search">{t('common.search')}</Button></Form.Item>
          <Form.Item>
            <ExportButton rows={rows} filename="institutions.csv" columns={[
              { title: t('institutions.code'), value: (i) => i.code }, { title: t('common.name'), value: (i) => i.name },
              { title: t('common.region'), value: (i) => i.regionCode }, { title: t('institutions.kind'), value: (i) => i.kind },
              { title: t('institutions.level'), value: (i) => i.level }, { title: t('common.status'), value: (i) => i.status },
            ]} />
          </Form.Item>
        </Form>
        {list.data?.pendingSearch && <PendingEndpoint endpoint="GET /api/supervision/institution-search?q=&region=&status=&limit=&offset=">{t('common.region')}</PendingEndpoint>}
        <ProblemAlert error={list.error} />
        <Table<Institution> rowKey="code" size="small" loading={list.loading} dataSource={rows}
          pagination={serverPaged
            ? { current: page, pageSize: size, total: list.data?.total, showSizeChanger: true, onChange: (p, s) => { setPage(p); setSize(s); } }
            : { pageSize: 20, showSizeChanger: true }}
          onRow={(i) => ({ 'data-testid': 'institution-row', 'data-code': i.code } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: t('institutions.code'), dataIndex: 'code', render: (c) => <Button type="link" size="small" onClick={() => setSelected(c)}>{c}</Button> },
            { title: t('common.name'), dataIndex: 'name' },
            { title: t('institutions.kind'), dataIndex: 'kind' },
            { title: t('institutions.level'), dataIndex: 'level' },
            { title: t('institutions.chain'), dataIndex: 'chain' },
            { title: t('common.status'), dataIndex: 'status', render: (s) => <Tag color={STATUS_COLOR[s]}>{s}</Tag> },
          ]} />
      </Card>
      {selected && <InstitutionView key={selected} code={selected} onChanged={() => void list.reload()} />}
      <InspectionPlans />
    </Space>
  );
}

function InstitutionView({ code, onChanged }: { code: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasAnyRole } = useAuth();
  const data = useApi(async () => unwrap(await supervision.GET('/api/supervision/institutions/{code}', { params: { path: { code } } })), [code]);
  const [form] = Form.useForm<{ status: ChangeAgreement['status']; effectiveFrom: { format: (f: string) => string }; reason: string }>();
  const { submit, error, submitting } = useProblemSubmit(form, async (v) =>
    unwrap(await supervision.POST('/api/supervision/institutions/{code}/agreement', {
      params: { path: { code } },
      body: { status: v.status, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), reason: v.reason },
    })), () => { message.success(t('common.saved')); form.resetFields(); void data.reload(); onChanged(); });
  const i = data.data?.institution;
  const history = data.data?.agreementHistory ?? [];
  return (
    <Card title={`${code} ${i?.name ?? ''}`} data-testid="institution-view">
      <ProblemAlert error={data.error} />
      {i && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('common.region')}>{i.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('institutions.kind')}>{i.kind}</Descriptions.Item>
          <Descriptions.Item label={t('institutions.level')}>{i.level}</Descriptions.Item>
          <Descriptions.Item label={t('common.status')}><Tag color={STATUS_COLOR[i.status ?? '']} data-testid="institution-status">{i.status}</Tag></Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Title level={5}>{t('institutions.history')}</Typography.Title>
      <Space style={{ marginBottom: 8 }}>
        <ExportButton rows={history} filename={`agreement-${code}.csv`} columns={[
          { title: 'previous', value: (h) => h.previous_status }, { title: t('common.status'), value: (h) => h.status },
          { title: t('institutions.effectiveFrom'), value: (h) => h.effective_from }, { title: t('common.reason'), value: (h) => h.reason },
          { title: t('institutions.decidedBy'), value: (h) => h.decided_by }, { title: 'at', value: (h) => h.decided_at },
        ]} />
      </Space>
      <Table size="small" rowKey={(h) => `${h.decided_at}-${h.status}`} dataSource={history} pagination={false}
        onRow={() => ({ 'data-testid': 'agreement-row' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: 'previous', dataIndex: 'previous_status' },
          { title: t('common.status'), dataIndex: 'status', render: (s) => <Tag color={STATUS_COLOR[s]}>{s}</Tag> },
          { title: t('institutions.effectiveFrom'), dataIndex: 'effective_from' },
          { title: t('common.reason'), dataIndex: 'reason' },
          { title: t('institutions.decidedBy'), dataIndex: 'decided_by' },
          { title: 'at', dataIndex: 'decided_at', render: formatDateTime },
        ]} />
      {hasAnyRole(['MANAGER']) && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('institutions.change')}</Typography.Title>
          <ProblemAlert error={error} />
          <Form form={form} layout="inline" onFinish={submit} data-testid="agreement-form">
            <Form.Item name="status" label={t('common.status')} rules={[{ required: true }]}>
              <Select id="agreement-status" style={{ width: 140 }} options={[
                { value: 'SUSPENDED', label: t('institutions.suspend') },
                { value: 'TERMINATED', label: t('institutions.terminate') },
                { value: 'ACTIVE', label: t('institutions.restore') },
              ]} />
            </Form.Item>
            <Form.Item name="effectiveFrom" label={t('institutions.effectiveFrom')} rules={[{ required: true }]}>
              <DatePicker id="agreement-effective-from" />
            </Form.Item>
            <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true }]}>
              <Input id="agreement-reason" style={{ width: 260 }} />
            </Form.Item>
            <Form.Item><Button type="primary" htmlType="submit" loading={submitting} data-testid="agreement-submit">{t('common.submit')}</Button></Form.Item>
          </Form>
        </>
      )}
    </Card>
  );
}

function InspectionPlans() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasAnyRole } = useAuth();
  const [year, setYear] = useState(currentYear());
  const plan = useApi(async () => {
    const r = await supervision.GET('/api/supervision/inspection-plans/{year}', { params: { path: { year } } });
    if (r.response.status === 404) return [];
    return unwrap(r);
  }, [year], hasAnyRole(['AUDITOR', 'MANAGER']));
  const [drawForm] = Form.useForm<{ inspectors: string[]; seed: number }>();
  const draw = useProblemSubmit(drawForm, async (v) =>
    unwrap(await supervision.POST('/api/supervision/inspection-plans/{year}', { params: { path: { year } }, body: v })),
  (r) => { message.success(`${r.institutions ?? 0}`); void plan.reload(); });
  const [resultForm] = Form.useForm<{ code: string; inspectedOn: { format: (f: string) => string }; finding: string; note?: string }>();
  const record = useProblemSubmit(resultForm, async (v) =>
    unwrap(await supervision.POST('/api/supervision/inspection-plans/{year}/institutions/{code}/result', {
      params: { path: { year, code: v.code } },
      body: { inspectedOn: v.inspectedOn.format('YYYY-MM-DD'), finding: v.finding, note: v.note || undefined },
    })), () => { message.success(t('common.saved')); resultForm.resetFields(); void plan.reload(); });
  if (!hasAnyRole(['AUDITOR', 'MANAGER'])) return null;
  const rows: Inspection[] = plan.data ?? [];
  return (
    <Card title={t('institutions.plans')} data-testid="inspection-plans"
      extra={<Form layout="inline"><Form.Item label={t('common.year')}><InputNumber id="plan-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} /></Form.Item></Form>}>
      <ProblemAlert error={plan.error} />
      <Space style={{ marginBottom: 8 }}>
        <ExportButton rows={rows} filename={`inspection-plan-${year}.csv`} columns={[
          { title: '#', value: (r) => r.position }, { title: t('common.institution'), value: (r) => r.institution },
          { title: 'A', value: (r) => r.inspector_a }, { title: 'B', value: (r) => r.inspector_b },
          { title: t('institutions.inspectedOn'), value: (r) => r.inspected_on }, { title: t('institutions.finding'), value: (r) => r.finding },
        ]} />
      </Space>
      <Table<Inspection> size="small" rowKey="position" dataSource={rows} pagination={{ pageSize: 20 }}
        onRow={() => ({ 'data-testid': 'inspection-row' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '#', dataIndex: 'position' },
          { title: t('common.institution'), dataIndex: 'institution' },
          { title: t('institutions.inspectors'), render: (_, r) => `${r.inspector_a ?? ''} / ${r.inspector_b ?? ''}` },
          { title: t('institutions.inspectedOn'), dataIndex: 'inspected_on' },
          { title: t('institutions.finding'), dataIndex: 'finding', render: (f) => f ? <Tag color={f === 'CLEAN' ? 'green' : 'red'}>{f}</Tag> : '—' },
        ]} />
      <Row gutter={16} style={{ marginTop: 16 }}>
        {hasAnyRole(['MANAGER']) && (
          <Col xs={24} lg={12}>
            <Typography.Title level={5}>{t('institutions.drawPlan')}</Typography.Title>
            <ProblemAlert error={draw.error} />
            <Form form={drawForm} layout="vertical" onFinish={draw.submit}>
              <Form.Item name="inspectors" label={t('institutions.inspectors')} rules={[{ required: true }]}>
                <Select id="plan-inspectors" mode="tags" tokenSeparators={[',', ' ']} />
              </Form.Item>
              <Form.Item name="seed" label={t('institutions.seed')} rules={[{ required: true }]}>
                <InputNumber id="plan-seed" style={{ width: 200 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={draw.submitting}>{t('institutions.drawPlan')}</Button>
            </Form>
          </Col>
        )}
        {hasAnyRole(['AUDITOR']) && (
          <Col xs={24} lg={12}>
            <Typography.Title level={5}>{t('institutions.recordResult')}</Typography.Title>
            <ProblemAlert error={record.error} />
            <Form form={resultForm} layout="vertical" onFinish={record.submit}>
              <Form.Item name="code" label={t('institutions.code')} rules={[{ required: true }]}>
                <Select id="result-code" showSearch options={rows.map((r) => ({ value: r.institution, label: r.institution }))} />
              </Form.Item>
              <Form.Item name="inspectedOn" label={t('institutions.inspectedOn')} rules={[{ required: true }]}>
                <DatePicker id="result-date" />
              </Form.Item>
              <Form.Item name="finding" label={t('institutions.finding')} rules={[{ required: true }]}>
                <Select id="result-finding" options={[{ value: 'CLEAN', label: 'CLEAN' }, { value: 'VIOLATION', label: 'VIOLATION' }]} />
              </Form.Item>
              <Form.Item name="note" label={t('common.note')}>
                <Input.TextArea id="result-note" rows={2} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={record.submitting}>{t('institutions.recordResult')}</Button>
            </Form>
          </Col>
        )}
      </Row>
    </Card>
  );
}
