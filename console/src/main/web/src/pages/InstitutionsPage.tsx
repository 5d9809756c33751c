import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { supervision } from '../api/clients';
import { unwrap } from '../api/problem';
import type { ChangeAgreement, Inspection, Institution } from '../api/schemas';
import { ExportButton, ProblemAlert } from '../components/common';
import { useProblemSubmit } from '../components/ProblemForm';
import { useAuth } from '../auth/AuthContext';
import { useEnums } from '../i18n/enums';
import { currentYear, formatDateTime, today } from '../lib/dates';
import { pendingChanges } from '../lib/agreements';
import { useApi } from '../lib/useApi';

const STATUSES: ChangeAgreement['status'][] = ['ACTIVE', 'SUSPENDED', 'TERMINATED'];
/** Solid tags in dark shades (white text at 5:1 or more, WCAG AA; antd's light preset tags fall below 4.5:1). */
const STATUS_COLOR: Record<string, string> = { ACTIVE: '#237804', SUSPENDED: '#ad4e00', TERMINATED: '#a8071a' };
const FINDINGS: NonNullable<Inspection['finding']>[] = ['CLEAN', 'VIOLATION'];

export default function InstitutionsPage() {
  const { t } = useTranslation();
  const e = useEnums();
  const [filter, setFilter] = useState<{ region?: string; status?: Institution['status']; q?: string }>({});
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const [selected, setSelected] = useState<string>();
  const searching = Boolean(filter.q) || !filter.region;
  const list = useApi(async (): Promise<{ rows: Institution[]; total?: number }> => {
    if (searching) {
      // InstitutionPage: paged, any region, by name or code.
      const body = unwrap(await supervision.GET('/api/supervision/institution-search', {
        params: { query: { region: filter.region, status: filter.status, q: filter.q, limit: size, offset: (page - 1) * size } },
      }));
      return { rows: body.institutions ?? [], total: body.total ?? 0 };
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
          <Form.Item name="q" label={`${t('institutions.code')} / ${t('institutions.name')}`} htmlFor="institution-query">
            <Input id="institution-query" data-testid="institution-query" allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="region" label={t('common.region')} htmlFor="institution-region">
            <Input id="institution-region" data-testid="institution-region" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="status" label={t('common.status')} htmlFor="institution-status">
            <Select id="institution-status" allowClear style={{ width: 160 }} options={e.options('agreementStatus', STATUSES)} />
          </Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" data-testid="institution-search">{t('common.search')}</Button></Form.Item>
          <Form.Item>
            <ExportButton rows={rows} filename="institutions.csv" columns={[
              { title: t('institutions.code'), value: (i) => i.code }, { title: t('institutions.name'), value: (i) => i.name },
              { title: t('common.region'), value: (i) => i.regionCode }, { title: t('institutions.kind'), value: (i) => i.kind },
              { title: t('institutions.level'), value: (i) => i.level }, { title: t('common.status'), value: (i) => i.status },
            ]} />
          </Form.Item>
        </Form>
        <ProblemAlert error={list.error} />
        <Table<Institution> rowKey="code" size="small" loading={list.loading} dataSource={rows}
          pagination={serverPaged
            ? { current: page, pageSize: size, total: list.data?.total, showSizeChanger: true, onChange: (p, s) => { setPage(p); setSize(s); } }
            : { pageSize: 20, showSizeChanger: true }}
          onRow={(i) => ({ 'data-testid': 'institution-row', 'data-code': i.code } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: t('institutions.code'), dataIndex: 'code', render: (c: string, i) => (
              <Button type="link" size="small" aria-label={t('institutions.openInstitution', { code: `${c} ${i.name ?? ''}`.trim() })} onClick={() => setSelected(c)}>{c}</Button>) },
            { title: t('institutions.name'), dataIndex: 'name' },
            { title: t('institutions.kind'), dataIndex: 'kind', render: (v) => e('institutionKind', v) },
            { title: t('institutions.level'), dataIndex: 'level', render: (v) => e('institutionLevel', v) },
            { title: t('institutions.chain'), dataIndex: 'chain' },
            { title: t('common.status'), dataIndex: 'status', render: (s) => <Tag color={STATUS_COLOR[s]}>{e('agreementStatus', s)}</Tag> },
          ]} />
      </Card>
      {selected && <InstitutionView key={selected} code={selected} onChanged={() => void list.reload()} />}
      <InspectionPlans />
    </Space>
  );
}

function InstitutionView({ code, onChanged }: { code: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const e = useEnums();
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
  const now = today();
  const pending = pendingChanges(history, now);
  return (
    <Card title={`${code} ${i?.name ?? ''}`} data-testid="institution-view">
      <ProblemAlert error={data.error} />
      {i && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('common.region')}>{i.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('institutions.kind')}>{e('institutionKind', i.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('institutions.level')}>{e('institutionLevel', i.level)}</Descriptions.Item>
          <Descriptions.Item label={t('institutions.current')}><Tag color={STATUS_COLOR[i.status ?? '']} data-testid="institution-status" data-status={i.status}>{e('agreementStatus', i.status)}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('institutions.pending')}>
            <span data-testid="institution-pending">
              {pending.length === 0 ? t('institutions.noPending') : pending.map((h) => (
                <Tag key={`${h.decided_at}-${h.status}`} color={STATUS_COLOR[h.status ?? '']} data-testid="institution-pending-change"
                  data-status={h.status} data-effective-from={h.effective_from}>
                  {t('institutions.pendingChange', { date: h.effective_from, status: e('agreementStatus', h.status) })}
                </Tag>
              ))}
            </span>
          </Descriptions.Item>
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
          { title: t('institutions.previous'), dataIndex: 'previous_status', render: (s) => (s ? e('agreementStatus', s) : '—') },
          { title: t('common.status'), dataIndex: 'status', render: (s) => <Tag color={STATUS_COLOR[s]}>{e('agreementStatus', s)}</Tag> },
          { title: t('institutions.effectiveFrom'), dataIndex: 'effective_from', render: (d?: string) => (
            <span>{d}{d && d > now ? <Tag style={{ marginInlineStart: 6 }}>{t('institutions.pendingTag')}</Tag> : null}</span>) },
          { title: t('common.reason'), dataIndex: 'reason' },
          { title: t('institutions.decidedBy'), dataIndex: 'decided_by' },
          { title: t('institutions.decidedAt'), dataIndex: 'decided_at', render: formatDateTime },
        ]} />
      {hasAnyRole(['MANAGER']) && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('institutions.change')}</Typography.Title>
          <ProblemAlert error={error} />
          <Form form={form} layout="inline" onFinish={submit} data-testid="agreement-form">
            <Form.Item name="status" label={t('common.status')} htmlFor="agreement-status" rules={[{ required: true }]}>
              <Select id="agreement-status" style={{ width: 140 }} options={[
                { value: 'SUSPENDED', label: t('institutions.suspend') },
                { value: 'TERMINATED', label: t('institutions.terminate') },
                { value: 'ACTIVE', label: t('institutions.restore') },
              ]} />
            </Form.Item>
            <Form.Item name="effectiveFrom" label={t('institutions.effectiveFrom')} htmlFor="agreement-effective-from" rules={[{ required: true }]}>
              <DatePicker id="agreement-effective-from" />
            </Form.Item>
            <Form.Item name="reason" label={t('common.reason')} htmlFor="agreement-reason" rules={[{ required: true }]}>
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
  const e = useEnums();
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
      extra={<Form layout="inline"><Form.Item label={t('common.year')} htmlFor="plan-year"><InputNumber id="plan-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} /></Form.Item></Form>}>
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
          { title: t('institutions.finding'), dataIndex: 'finding', render: (f) => f ? <Tag color={f === 'CLEAN' ? 'green' : 'red'}>{e('finding', f)}</Tag> : '—' },
        ]} />
      <Row gutter={16} style={{ marginTop: 16 }}>
        {hasAnyRole(['MANAGER']) && (
          <Col xs={24} lg={12}>
            <Typography.Title level={5}>{t('institutions.drawPlan')}</Typography.Title>
            <ProblemAlert error={draw.error} />
            <Form form={drawForm} layout="vertical" onFinish={draw.submit}>
              <Form.Item name="inspectors" label={t('institutions.inspectors')} htmlFor="plan-inspectors" rules={[{ required: true }]}>
                <Select id="plan-inspectors" mode="tags" tokenSeparators={[',', ' ']} />
              </Form.Item>
              <Form.Item name="seed" label={t('institutions.seed')} htmlFor="plan-seed" rules={[{ required: true }]}>
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
              <Form.Item name="code" label={t('institutions.code')} htmlFor="result-code" rules={[{ required: true }]}>
                <Select id="result-code" showSearch options={rows.map((r) => ({ value: r.institution, label: r.institution }))} />
              </Form.Item>
              <Form.Item name="inspectedOn" label={t('institutions.inspectedOn')} htmlFor="result-date" rules={[{ required: true }]}>
                <DatePicker id="result-date" />
              </Form.Item>
              <Form.Item name="finding" label={t('institutions.finding')} htmlFor="result-finding" rules={[{ required: true }]}>
                <Select id="result-finding" options={e.options('finding', FINDINGS)} />
              </Form.Item>
              <Form.Item name="note" label={t('common.note')} htmlFor="result-note">
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
