import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { supervision } from '../../api/clients';
import { unwrap } from '../../api/problem';
import type { Case, CaseFile, Clue, ClueView, Decision } from '../../api/schemas';
import { ExportButton, Money, ProblemAlert } from '../../components/common';
import { moneyRule, useProblemSubmit } from '../../components/ProblemForm';
import { useAuth } from '../../auth/AuthContext';
import { useEnums } from '../../i18n/enums';
import { formatDateTime } from '../../lib/dates';
import { useApi } from '../../lib/useApi';

const OUTCOMES: Decision['outcome'][] = ['WARNING', 'FUND_RECOVERY', 'SUSPENSION', 'TERMINATION', 'JUDICIAL_REFERRAL'];
const SOURCES: Clue['source'][] = ['TOWNSHIP', 'VILLAGE', 'PUBLIC', 'RULE'];

/** Clues and cases: investigation → decision → review, each step by a different person (the server checks). */
export default function CaseWork() {
  const { t } = useTranslation();
  const e = useEnums();
  const { hasAnyRole } = useAuth();
  const [caseId, setCaseId] = useState<string>();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);

  // The oldest open case first (CasePage: cases and total).
  const cases = useApi(async () => unwrap(await supervision.GET('/api/supervision/cases', {
    params: { query: { limit: size, offset: (page - 1) * size } },
  })), [page, size]);
  // The clues no case uses yet (CluePage: clues and total).
  const clues = useApi(async () => unwrap(await supervision.GET('/api/supervision/clues', { params: { query: { open: true } } })),
    [], hasAnyRole(['AUDITOR', 'INVESTIGATOR']));

  return (
    <div data-testid="case-work">
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('queues.cases')}>
            <ProblemAlert error={cases.error} />
            <Table<Case> size="small" rowKey="case_id" loading={cases.loading} dataSource={cases.data?.cases ?? []}
              onRow={(c) => ({ 'data-testid': 'queue-row', 'data-case-id': c.case_id, onClick: () => setCaseId(c.case_id) } as React.HTMLAttributes<HTMLElement>)}
              pagination={{ current: page, pageSize: size, total: cases.data?.total ?? 0, onChange: (p, s) => { setPage(p); setSize(s); } }}
              columns={[
                { title: t('queues.caseId'), dataIndex: 'case_id', render: (id: string) => (
                  // The row is clickable; this link is its keyboard-reachable equivalent.
                  <Button type="link" size="small" aria-label={t('queues.openCaseOf', { id })} title={id}
                    onClick={(ev) => { ev.stopPropagation(); setCaseId(id); }}>{String(id).slice(0, 8)}</Button>) },
                { title: t('common.institution'), dataIndex: 'institution' },
                { title: t('common.status'), dataIndex: 'status', render: (s) => <Tag>{e('caseStatus', s)}</Tag> },
                { title: t('queues.opened'), dataIndex: 'opened_at', render: formatDateTime },
              ]} />
            <Form layout="inline" onFinish={(v: { caseId: string }) => setCaseId(v.caseId.trim())} style={{ marginTop: 12 }}>
              <Form.Item name="caseId" label={t('queues.caseId')} htmlFor="case-id" rules={[{ required: true }]}>
                <Input id="case-id" data-testid="case-id" style={{ width: 320 }} />
              </Form.Item>
              <Form.Item><Button htmlType="submit" data-testid="load-case">{t('queues.loadCase')}</Button></Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          {hasAnyRole(['AUDITOR', 'INVESTIGATOR']) && <ClueForm onDone={() => void clues.reload()} />}
          <ProblemAlert error={clues.error} />
          {hasAnyRole(['INVESTIGATOR']) && <OpenCaseForm clues={clues.data?.clues ?? []} onOpened={(id) => { setCaseId(id); void cases.reload(); void clues.reload(); }} />}
        </Col>
      </Row>
      {caseId && <CaseView key={caseId} id={caseId} onChanged={() => void cases.reload()} />}
    </div>
  );
}

function ClueForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const e = useEnums();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ source: Clue['source']; institutionCode: string; description: string; violationId?: string }>();
  const { submit, error, submitting } = useProblemSubmit(form, async (v) =>
    unwrap(await supervision.POST('/api/supervision/clues', { body: { ...v, violationId: v.violationId || undefined } })),
  (r) => { message.success(`${t('queues.clue')} ${r.clueId ?? ''}`); form.resetFields(); onDone(); });
  return (
    <Card size="small" title={t('queues.newClue')} style={{ marginBottom: 16 }}>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="clue-form">
        <Form.Item name="source" label={t('queues.source')} htmlFor="clue-source" rules={[{ required: true }]}>
          <Select id="clue-source" options={e.options('clueSource', SOURCES)} />
        </Form.Item>
        <Form.Item name="institutionCode" label={t('institutions.code')} htmlFor="clue-institution" rules={[{ required: true }]}>
          <Input id="clue-institution" />
        </Form.Item>
        <Form.Item name="description" label={t('queues.description')} htmlFor="clue-description" rules={[{ required: true }]}>
          <Input.TextArea id="clue-description" rows={2} />
        </Form.Item>
        <Form.Item name="violationId" label={t('queues.violationId')} htmlFor="clue-violation">
          <Input id="clue-violation" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="clue-submit">{t('common.submit')}</Button>
      </Form>
    </Card>
  );
}

function OpenCaseForm({ clues, onOpened }: { clues: ClueView[]; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const e = useEnums();
  const [form] = Form.useForm<{ clueIds: string[] }>();
  const { submit, error, submitting } = useProblemSubmit(form, async (v) =>
    unwrap(await supervision.POST('/api/supervision/cases', { body: { clueIds: v.clueIds } })),
  (r) => { form.resetFields(); if (r.case?.case_id) onOpened(r.case.case_id); });
  return (
    <Card size="small" title={t('queues.openCase')}>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="open-case-form">
        <Form.Item name="clueIds" label={t('queues.clueIds')} htmlFor="case-clue-ids" rules={[{ required: true }]}>
          <Select id="case-clue-ids" mode="tags" tokenSeparators={[',', ' ']}
            options={clues.filter((c) => c.clueId).map((c) => ({
              value: c.clueId!,
              label: `${c.institutionCode ?? ''} · ${e('clueSource', c.source)} · ${c.description ?? ''}`,
              title: `${c.clueId} · ${formatDateTime(c.receivedAt)}`,
            }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="open-case">{t('queues.openCase')}</Button>
      </Form>
    </Card>
  );
}

function CaseView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const e = useEnums();
  const { hasAnyRole } = useAuth();
  const file = useApi(async () => unwrap(await supervision.GET('/api/supervision/cases/{id}', { params: { path: { id } } })), [id]);
  const done = () => { void file.reload(); onChanged(); };
  const c = file.data?.case;
  return (
    <Card size="small" title={`${t('queues.caseId')} ${id}`} style={{ marginTop: 16 }} data-testid="case-view" data-case-id={id} data-case-status={c?.status}>
      <ProblemAlert error={file.error} />
      {c && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('common.institution')}>{c.institution}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              {/* The label in the staff's language; the status code stays readable next to it (the e2e flows read it). */}
              <Tag data-testid="case-status" data-status={c.status}>
                {e('caseStatus', c.status)}
                {e('caseStatus', c.status) !== c.status && <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 11 }}>{c.status}</Typography.Text>}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('queues.outcome')}>{e('caseOutcome', c.outcome)}</Descriptions.Item>
            <Descriptions.Item label={t('queues.findings')}>{c.findings ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('queues.settlementIds')}>{c.settlement_ids ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('queues.recoveryAmount')}><Money value={c.recovery_amount} testId="case-recovery-amount" /></Descriptions.Item>
          </Descriptions>
          <Space style={{ margin: '8px 0' }}>
            <ExportButton rows={file.data?.trail ?? []} filename={`case-${id}.csv`} columns={[
              { title: 'step', value: (s) => s.step }, { title: 'staff', value: (s) => s.staff_id }, { title: 'role', value: (s) => s.role },
              { title: 'detail', value: (s) => s.detail }, { title: 'at', value: (s) => s.taken_at },
            ]} />
          </Space>
          <Timeline style={{ marginTop: 12 }} items={(file.data?.trail ?? []).map((s) => ({
            children: <span data-testid="case-trail-step" data-step={s.step}>{formatDateTime(s.taken_at)} · {e('trailStep', s.step)} · {e('staffRole', s.role)} {s.staff_id} — {s.detail}</span>,
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
      <Form.Item name="findings" label={t('queues.findings')} htmlFor="case-findings" rules={[{ required: true }]}>
        <Input.TextArea id="case-findings" rows={3} />
      </Form.Item>
      <Form.Item name="settlementIds" label={t('queues.settlementIds')} htmlFor="case-settlement-ids">
        <Select id="case-settlement-ids" mode="tags" tokenSeparators={[',', ' ']} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="submit-findings">{t('common.submit')}</Button>
    </Form>
  );
}

function DecisionForm({ id, onDone }: { id: string; onDone: (f: CaseFile) => void }) {
  const { t } = useTranslation();
  const e = useEnums();
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
      <Form.Item name="outcome" label={t('queues.outcome')} htmlFor="case-outcome" rules={[{ required: true }]}>
        <Select id="case-outcome" options={e.options('caseOutcome', OUTCOMES)} />
      </Form.Item>
      {outcome === 'FUND_RECOVERY' && (
        <Form.Item name="recoveryAmount" label={`${t('queues.recoveryAmount')} (${t('common.yuan')})`} htmlFor="case-recovery" rules={[{ required: true }, moneyRule(t('validation.money'))]}>
          <Input id="case-recovery" inputMode="decimal" />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('common.reason')} htmlFor="case-decision-reason" rules={[{ required: true }]}>
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
        <Radio.Group id="case-review-approved" {...({ role: 'radiogroup' } as object)} aria-label={t('queues.review')} options={[{ value: true, label: t('common.approve') }, { value: false, label: t('common.reject') }]} />
      </Form.Item>
      <Form.Item name="comment" label={t('queues.comment')} htmlFor="case-review-comment" rules={[{ required: true }]}>
        <Input.TextArea id="case-review-comment" rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="submit-review">{t('common.submit')}</Button>
    </Form>
  );
}
