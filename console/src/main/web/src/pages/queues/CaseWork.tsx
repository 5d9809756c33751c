import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Select, Space, Table, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { supervision } from '../../api/clients';
import { pending, type ClueView } from '../../api/pending';
import { unwrap } from '../../api/problem';
import type { CaseFile, Decision } from '../../api/schemas';
import { ExportButton, PendingEndpoint, ProblemAlert } from '../../components/common';
import { useProblemSubmit } from '../../components/ProblemForm';
import { useAuth } from '../../auth/AuthContext';
import { formatDateTime } from '../../lib/dates';
import { useApi } from '../../lib/useApi';

const OUTCOMES: Decision['outcome'][] = ['WARNING', 'FUND_RECOVERY', 'SUSPENSION', 'TERMINATION', 'JUDICIAL_REFERRAL'];
const SOURCES = ['TOWNSHIP', 'VILLAGE', 'PUBLIC', 'RULE'] as const;

/** Clues and cases: investigation → decision → review, each step by a different person (the server checks). */
export default function CaseWork() {
  const { t } = useTranslation();
  const { hasAnyRole } = useAuth();
  const [caseId, setCaseId] = useState<string>();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);

  // TODO(API-GAPS): GET /api/supervision/cases?status=&limit=&offset=
  const cases = useApi(async () => {
    const r = await pending.GET('/api/supervision/cases', { params: { query: { limit: size, offset: (page - 1) * size } } });
    if (r.response.status === 404 || r.response.status === 405) return null;
    return unwrap(r);
  }, [page, size]);
  // TODO(API-GAPS): GET /api/supervision/clues?open=true
  const clues = useApi(async () => {
    const r = await pending.GET('/api/supervision/clues', { params: { query: { open: true } } });
    if (r.response.status === 404 || r.response.status === 405) return null;
    return unwrap(r);
  }, [], hasAnyRole(['AUDITOR', 'INVESTIGATOR']));

  return (
    <div data-testid="case-work">
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('queues.cases')}>
            {cases.data === null && <PendingEndpoint endpoint="GET /api/supervision/cases?status=&limit=&offset=" />}
            <ProblemAlert error={cases.error} />
            <Table size="small" rowKey="case_id" dataSource={cases.data?.cases ?? []}
              onRow={(c) => ({ 'data-testid': 'queue-row', 'data-case-id': c.case_id, onClick: () => setCaseId(c.case_id) } as React.HTMLAttributes<HTMLElement>)}
              pagination={{ current: page, pageSize: size, total: cases.data?.total ?? 0, onChange: (p, s) => { setPage(p); setSize(s); } }}
              columns={[
                { title: t('queues.caseId'), dataIndex: 'case_id', render: (id) => <Button type="link" size="small" onClick={() => setCaseId(id)}>{String(id).slice(0, 8)}</Button> },
                { title: t('common.institution'), dataIndex: 'institution' },
                { title: t('common.status'), dataIndex: 'status', render: (s) => <Tag>{s}</Tag> },
                { title: 'opened', dataIndex: 'opened_at', render: formatDateTime },
              ]} />
            <Form layout="inline" onFinish={(v: { caseId: string }) => setCaseId(v.caseId.trim())} style={{ marginTop: 12 }}>
              <Form.Item name="caseId" label={t('queues.caseId')} rules={[{ required: true }]}>
                <Input id="case-id" data-testid="case-id" style={{ width: 320 }} />
              </Form.Item>
              <Form.Item><Button htmlType="submit" data-testid="load-case">{t('queues.loadCase')}</Button></Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          {hasAnyRole(['AUDITOR', 'INVESTIGATOR']) && <ClueForm onDone={() => void clues.reload()} />}
          {hasAnyRole(['INVESTIGATOR']) && <OpenCaseForm clues={clues.data ?? []} cluesPending={clues.data === null} onOpened={(id) => { setCaseId(id); void cases.reload(); }} />}
        </Col>
      </Row>
      {caseId && <CaseView key={caseId} id={caseId} onChanged={() => void cases.reload()} />}
    </div>
  );
}

function ClueForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ source: (typeof SOURCES)[number]; institutionCode: string; description: string; violationId?: string }>();
  const { submit, error, submitting } = useProblemSubmit(form, async (v) =>
    unwrap(await supervision.POST('/api/supervision/clues', { body: { ...v, violationId: v.violationId || undefined } })),
  (r) => { message.success(`${t('queues.clue')} ${r.clueId ?? ''}`); form.resetFields(); onDone(); });
  return (
    <Card size="small" title={t('queues.newClue')} style={{ marginBottom: 16 }}>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="clue-form">
        <Form.Item name="source" label={t('queues.source')} rules={[{ required: true }]}>
          <Select id="clue-source" options={SOURCES.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="institutionCode" label={t('institutions.code')} rules={[{ required: true }]}>
          <Input id="clue-institution" />
        </Form.Item>
        <Form.Item name="description" label={t('queues.description')} rules={[{ required: true }]}>
          <Input.TextArea id="clue-description" rows={2} />
        </Form.Item>
        <Form.Item name="violationId" label="violationId">
          <Input id="clue-violation" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="clue-submit">{t('common.submit')}</Button>
      </Form>
    </Card>
  );
}

function OpenCaseForm({ clues, cluesPending, onOpened }: { clues: ClueView[]; cluesPending: boolean; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ clueIds: string[] }>();
  const { submit, error, submitting } = useProblemSubmit(form, async (v) =>
    unwrap(await supervision.POST('/api/supervision/cases', { body: { clueIds: v.clueIds } })),
  (r) => { form.resetFields(); if (r.case?.case_id) onOpened(r.case.case_id); });
  return (
    <Card size="small" title={t('queues.openCase')}>
      {cluesPending && <PendingEndpoint endpoint="GET /api/supervision/clues?open=true" />}
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="open-case-form">
        <Form.Item name="clueIds" label={t('queues.clueIds')} rules={[{ required: true }]}>
          <Select id="case-clue-ids" mode="tags" tokenSeparators={[',', ' ']}
            options={clues.map((c) => ({ value: c.clueId, label: `${c.institutionCode} · ${c.description}` }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="open-case">{t('queues.openCase')}</Button>
      </Form>
    </Card>
  );
}

function CaseView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { hasAnyRole } = useAuth();
  const file = useApi(async () => unwrap(await supervision.GET('/api/supervision/cases/{id}', { params: { path: { id } } })), [id]);
  const done = () => { void file.reload(); onChanged(); };
  const c = file.data?.case;
  return (
    <Card size="small" title={`${t('queues.caseId')} ${id}`} style={{ marginTop: 16 }} data-testid="case-view" data-case-status={c?.status}>
      <ProblemAlert error={file.error} />
      {c && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('common.institution')}>{c.institution}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}><Tag data-testid="case-status">{c.status}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('queues.outcome')}>{c.outcome ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('queues.findings')}>{c.findings ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('queues.settlementIds')}>{c.settlement_ids ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('queues.recoveryAmount')}>{c.recovery_amount ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Space style={{ margin: '8px 0' }}>
            <ExportButton rows={file.data?.trail ?? []} filename={`case-${id}.csv`} columns={[
              { title: 'step', value: (s) => s.step }, { title: 'staff', value: (s) => s.staff_id }, { title: 'role', value: (s) => s.role },
              { title: 'detail', value: (s) => s.detail }, { title: 'at', value: (s) => s.taken_at },
            ]} />
          </Space>
          <Timeline style={{ marginTop: 12 }} items={(file.data?.trail ?? []).map((s) => ({
            children: <span data-testid="case-trail-step">{formatDateTime(s.taken_at)} · {s.step} · {s.role} {s.staff_id} — {s.detail}</span>,
          }))} />
          {c.status === 'INVESTIGATING' && hasAnyRole(['INVESTIGATOR']) && <FindingsForm id={id} onDone={done} />}
          {c.status === 'DECIDING' && hasAnyRole(['DECIDER']) && <DecisionForm id={id} onDone={done} />}
          {c.status === 'REVIEWING' && hasAnyRole(['REVIEWER']) && <ReviewForm id={id} onDone={done} />}
        </>
      )}
    </Card>
  );
}

function FindingsForm({ id, onDone }: { id: string; onDone: (f: CaseFile) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ findings: string; settlementIds?: string[] }>();
  const { submit, error, submitting } = useProblemSubmit(form, async (v) =>
    unwrap(await supervision.POST('/api/supervision/cases/{id}/findings', { params: { path: { id } }, body: { findings: v.findings, settlementIds: v.settlementIds ?? [] } })), onDone);
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="findings-form">
      <ProblemAlert error={error} />
      <Form.Item name="findings" label={t('queues.findings')} rules={[{ required: true }]}>
        <Input.TextArea id="case-findings" rows={3} />
      </Form.Item>
      <Form.Item name="settlementIds" label={t('queues.settlementIds')}>
        <Select id="case-settlement-ids" mode="tags" tokenSeparators={[',', ' ']} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="submit-findings">{t('common.submit')}</Button>
    </Form>
  );
}

function DecisionForm({ id, onDone }: { id: string; onDone: (f: CaseFile) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ outcome: Decision['outcome']; recoveryAmount?: string; reason: string }>();
  const outcome = Form.useWatch('outcome', form);
  // The decider's name comes from the token on the server; it is never sent.
  const { submit, error, submitting } = useProblemSubmit(form, async (v) =>
    unwrap(await supervision.POST('/api/supervision/cases/{id}/decision', {
      params: { path: { id } },
      body: { outcome: v.outcome, reason: v.reason, recoveryAmount: v.recoveryAmount ? Number(v.recoveryAmount) : undefined },
    })), onDone);
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="decision-form">
      <ProblemAlert error={error} />
      <Form.Item name="outcome" label={t('queues.outcome')} rules={[{ required: true }]}>
        <Select id="case-outcome" options={OUTCOMES.map((o) => ({ value: o, label: o }))} />
      </Form.Item>
      {outcome === 'FUND_RECOVERY' && (
        <Form.Item name="recoveryAmount" label={`${t('queues.recoveryAmount')} (${t('common.yuan')})`} rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: '0.00' }]}>
          <Input id="case-recovery" inputMode="decimal" />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true }]}>
        <Input.TextArea id="case-decision-reason" rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="decide">{t('queues.decision')}</Button>
    </Form>
  );
}

function ReviewForm({ id, onDone }: { id: string; onDone: (f: CaseFile) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ approved: boolean; comment: string }>();
  const { submit, error, submitting } = useProblemSubmit(form, async (v) =>
    unwrap(await supervision.POST('/api/supervision/cases/{id}/review', { params: { path: { id } }, body: v })), onDone);
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ approved: true }} data-testid="review-form">
      <ProblemAlert error={error} />
      <Form.Item name="approved" label={t('queues.review')} rules={[{ required: true }]}>
        <Radio.Group id="case-review-approved" options={[{ value: true, label: t('common.approve') }, { value: false, label: t('common.reject') }]} />
      </Form.Item>
      <Form.Item name="comment" label={t('queues.comment')} rules={[{ required: true }]}>
        <Input.TextArea id="case-review-comment" rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="submit-review">{t('common.submit')}</Button>
    </Form>
  );
}
