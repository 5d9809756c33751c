import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, Col, Descriptions, Empty, Form, InputNumber, List, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { assistance, enrollment, settlement } from '../api/clients';
import { unwrap } from '../api/problem';
import type { SettlementView } from '../api/schemas';
import { BillTrace, LayerBar } from '../components/BillTrace';
import { ExportButton, IfAllowed, MaskedId, Money, ProblemAlert, SectionForbidden } from '../components/common';
import { EnrollForm } from '../components/EnrollForm';
import { mayCall, type Endpoint } from '../access';
import { useEnums } from '../i18n/enums';
import { currentYear, formatDateTime } from '../lib/dates';
import { maskResidentId } from '../lib/mask';
import { formatMoney } from '../lib/money';
import { useAuth } from '../auth/AuthContext';
import { useApi } from '../lib/useApi';

/**
 * A section that 404s (nothing there) shows empty; a 403 shows the problem. A section the user's roles may not read
 * (access.ts, as access-policy.yml says) is not asked for and says so instead of showing empty.
 */
async function optional<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T | null> {
  const r = await call;
  if (r.response.status === 404) return null;
  return unwrap(r);
}

export default function PersonPage() {
  const { t } = useTranslation();
  const e = useEnums();
  /** Accumulator keys come as lower-case visit types ("inpatient"); unknown keys are shown as given. */
  const accumulatorKey = (k: string) => {
    const label = e('visitType', k.toUpperCase());
    return label === k.toUpperCase() ? k : label;
  };
  const { personId = '' } = useParams();
  const { roles } = useAuth();
  const may = (endpoint: Endpoint) => mayCall(roles, endpoint);
  const [year, setYear] = useState(currentYear());
  const [enrolling, setEnrolling] = useState(false);
  const { message } = App.useApp();
  const path = { personId };

  const can = {
    person: may('GET /api/enrollment/persons/{personId}'),
    enrollments: may('GET /api/enrollment/persons/{personId}/enrollments'),
    certifications: may('GET /api/enrollment/persons/{personId}/certifications'),
    filings: may('GET /api/enrollment/persons/{personId}/filings'),
    identity: may('GET /api/assistance/persons/{personId}/identity'),
    used: may('GET /api/assistance/persons/{personId}/assistance'),
    bills: may('GET /api/settlement/persons/{personId}/settlements'),
    accumulators: may('GET /api/settlement/persons/{personId}/accumulators'),
    warnings: may('GET /api/assistance/persons/{personId}/poverty-warnings'),
    enroll: may('POST /api/enrollment/enrollments'),
  };
  const person = useApi(() => optional(enrollment.GET('/api/enrollment/persons/{personId}', { params: { path } })), [personId], can.person);
  const enrollments = useApi(() => optional(enrollment.GET('/api/enrollment/persons/{personId}/enrollments', { params: { path } })), [personId], can.enrollments);
  const certifications = useApi(() => optional(enrollment.GET('/api/enrollment/persons/{personId}/certifications', { params: { path } })), [personId], can.certifications);
  const filings = useApi(() => optional(enrollment.GET('/api/enrollment/persons/{personId}/filings', { params: { path } })), [personId], can.filings);
  const identity = useApi(() => optional(assistance.GET('/api/assistance/persons/{personId}/identity', { params: { path } })), [personId], can.identity);
  const used = useApi(() => optional(assistance.GET('/api/assistance/persons/{personId}/assistance', { params: { path, query: { year } } })), [personId, year], can.used);
  const bills = useApi(() => optional(settlement.GET('/api/settlement/persons/{personId}/settlements', { params: { path, query: { year } } })), [personId, year], can.bills);
  const accumulators = useApi(() => optional(settlement.GET('/api/settlement/persons/{personId}/accumulators', { params: { path, query: { year } } })), [personId, year], can.accumulators);
  const warnings = useApi(async () => unwrap(await assistance.GET('/api/assistance/persons/{personId}/poverty-warnings', { params: { path } })),
    [personId], can.warnings);

  const p = person.data;
  const billRows: SettlementView[] = bills.data ?? [];
  const findings = billRows.flatMap((b) => (b.preCheck?.findings ?? []).map((f) => ({ ...f, settlementId: b.id, serviceDate: b.serviceDate })));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="person-page">
      <ProblemAlert error={person.error} />
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{p?.name ?? maskResidentId(personId)}</Typography.Title>}
        extra={
          <Space wrap>
            {can.enroll && (
              <Button type="primary" data-testid="person-enroll" onClick={() => setEnrolling(true)}>{t('register.enroll')}</Button>
            )}
            <Form layout="inline">
              <Form.Item label={t('common.year')} htmlFor="person-year">
                <InputNumber id="person-year" data-testid="person-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
              </Form.Item>
            </Form>
          </Space>
        }>
        {!can.person ? <SectionForbidden testId="person-summary-forbidden" /> : p ? (
          <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="person-summary">
            <Descriptions.Item label={t('persons.residentId')}><span data-testid="person-id"><MaskedId id={p.personId} /></span></Descriptions.Item>
            <Descriptions.Item label={t('common.name')}>{p.name}</Descriptions.Item>
            <Descriptions.Item label={t('persons.gender')}>{e('gender', p.gender)}</Descriptions.Item>
            <Descriptions.Item label={t('persons.birthDate')}>{p.birthDate}</Descriptions.Item>
            <Descriptions.Item label={t('common.region')}>{p.regionCode}</Descriptions.Item>
            <Descriptions.Item label={t('persons.household')}>{p.householdId ?? '—'}</Descriptions.Item>
          </Descriptions>
        ) : person.data === null ? <Empty /> : null}
      </Card>

      <Card title={t('persons.bills')} data-testid="bills"
        extra={<ExportButton rows={billRows} filename={`bills-${year}.csv`} testId="bills-export" columns={[
          { title: 'id', value: (b) => b.id },
          { title: t('persons.serviceDate'), value: (b) => b.serviceDate },
          { title: t('persons.visitType'), value: (b) => b.visitType },
          { title: t('persons.institution'), value: (b) => b.institutionCode },
          { title: t('common.status'), value: (b) => b.status },
          ...(['total', 'policyScope', 'basicFund', 'catastrophic', 'supplementary', 'assistance', 'personalAccount', 'cash'] as const)
            .map((k) => ({ title: t(`layers.${k}`), value: (b: SettlementView) => formatMoney(b.amounts?.[k]) })),
        ]} />}>
        <IfAllowed allowed={can.bills} testId="bills-forbidden">
          <ProblemAlert error={bills.error} />
          <Table<SettlementView>
            rowKey="id"
            size="small"
            loading={bills.loading}
            dataSource={billRows}
            pagination={{ pageSize: 20, showSizeChanger: true }}
            onRow={(b) => ({ 'data-testid': 'bill-row', 'data-settlement-id': b.id } as React.HTMLAttributes<HTMLElement>)}
            expandable={{ expandedRowRender: (b) => <BillTrace bill={b} /> }}
            columns={[
              { title: t('persons.serviceDate'), dataIndex: 'serviceDate', sorter: (a, b) => (a.serviceDate ?? '').localeCompare(b.serviceDate ?? ''), defaultSortOrder: 'descend' },
              { title: t('persons.visitType'), dataIndex: 'visitType', render: (v) => e('visitType', v) },
              { title: t('persons.institution'), dataIndex: 'institutionCode' },
              { title: t('common.status'), dataIndex: 'status', render: (s) => <Tag color={s === 'REVERSED' ? 'red' : 'green'}>{e('settlementStatus', s)}</Tag> },
              { title: t('layers.total'), align: 'right', render: (_, b) => <Money value={b.amounts?.total} testId="bill-total" /> },
              { title: t('layers.basicFund'), align: 'right', render: (_, b) => <Money value={b.amounts?.basicFund} testId="bill-basic-fund" /> },
              { title: t('layers.cash'), align: 'right', render: (_, b) => <Money value={b.amounts?.cash} testId="bill-cash" /> },
              { title: t('persons.layers'), width: 280, render: (_, b) => (b.amounts ? <LayerBar amounts={b.amounts} testIdPrefix="bill" /> : null) },
            ]}
          />
        </IfAllowed>
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('persons.accumulators')} data-testid="accumulators">
            <IfAllowed allowed={can.accumulators} testId="accumulators-forbidden">
              <ProblemAlert error={accumulators.error} />
              {accumulators.data?.accumulators ? (
                <Descriptions size="small" column={1} bordered>
                  <Descriptions.Item label={t('persons.scheme')}>{e('scheme', accumulators.data.scheme)}</Descriptions.Item>
                  {Object.entries(accumulators.data.accumulators.deductibleUsed ?? {}).map(([k, v]) => (
                    <Descriptions.Item key={`d-${k}`} label={`${t('layers.deductible')} · ${accumulatorKey(k)}`}><Money value={v} /></Descriptions.Item>
                  ))}
                  {Object.entries(accumulators.data.accumulators.fundPaid ?? {}).map(([k, v]) => (
                    <Descriptions.Item key={`f-${k}`} label={`${t('layers.basicFund')} · ${accumulatorKey(k)}`}><Money value={v} /></Descriptions.Item>
                  ))}
                  <Descriptions.Item label={t('persons.policyScopeSelfPay')}><Money value={accumulators.data.accumulators.policyScopeSelfPay} /></Descriptions.Item>
                  <Descriptions.Item label={t('layers.catastrophic')}><Money value={accumulators.data.accumulators.catastrophicPaid} /></Descriptions.Item>
                  <Descriptions.Item label={t('persons.supplementaryBase')}><Money value={accumulators.data.accumulators.supplementaryBase} /></Descriptions.Item>
                  <Descriptions.Item label={t('layers.supplementary')}><Money value={accumulators.data.accumulators.supplementaryPaid} /></Descriptions.Item>
                  <Descriptions.Item label={t('layers.assistance')}><Money value={accumulators.data.accumulators.assistancePaid} /></Descriptions.Item>
                </Descriptions>
              ) : <Empty />}
            </IfAllowed>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('persons.assistance')} data-testid="assistance-used">
            <IfAllowed allowed={can.used} testId="used-forbidden">
              <ProblemAlert error={used.error} />
              {used.data ? (
                <Descriptions size="small" column={1} bordered>
                  <Descriptions.Item label={t('persons.category')}>{e('assistanceCategory', used.data.category)}</Descriptions.Item>
                  {used.data.limitCategory && used.data.limitCategory !== used.data.category && (
                    <Descriptions.Item label={t('persons.limitCategory')}>{e('assistanceCategory', used.data.limitCategory)}</Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('layers.total')}><Money value={used.data.total} /></Descriptions.Item>
                  <Descriptions.Item label={t('layers.assistance')}><Money value={used.data.assistance} testId="assistance-amount" /></Descriptions.Item>
                  <Descriptions.Item label={t('persons.personalPayment')}><Money value={used.data.personalPayment} /></Descriptions.Item>
                  <Descriptions.Item label={t('persons.annualLimit')}><Money value={used.data.annualLimit} /></Descriptions.Item>
                  <Descriptions.Item label={t('persons.remaining')}><Money value={used.data.remaining} /></Descriptions.Item>
                </Descriptions>
              ) : <Empty />}
            </IfAllowed>
          </Card>
        </Col>
      </Row>

      <Card title={t('persons.enrollments')} data-testid="enrollments">
        <IfAllowed allowed={can.enrollments} testId="enrollments-forbidden">
          <ProblemAlert error={enrollments.error} />
          <Table size="small" rowKey={(r) => `${r.year}-${r.effectiveFrom}-${r.scheme}`} loading={enrollments.loading} dataSource={enrollments.data ?? []} pagination={false}
            onRow={() => ({ 'data-testid': 'enrollment-row' } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('common.year'), dataIndex: 'year' },
              { title: t('persons.scheme'), dataIndex: 'scheme', render: (v) => e('scheme', v) },
              { title: t('persons.personType'), dataIndex: 'personType', render: (v) => e('personType', v) },
              { title: t('persons.tier'), dataIndex: 'tier', render: (v) => e('tier', v) },
              { title: t('common.status'), dataIndex: 'status', render: (v) => e('enrollmentStatus', v) },
              { title: t('persons.effectiveFrom'), dataIndex: 'effectiveFrom' },
              { title: t('persons.contribution'), dataIndex: 'contribution', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('persons.subsidy'), dataIndex: 'subsidy', align: 'right', render: (v) => <Money value={v} /> },
              { title: t('persons.category'), dataIndex: 'subsidyCategory', render: (v) => (v ? e('assistanceCategory', v) : '—') },
            ]} />
        </IfAllowed>
      </Card>

      <Card title={t('persons.identity')} data-testid="identity">
        <IfAllowed allowed={can.identity} testId="identity-forbidden">
          <ProblemAlert error={identity.error} />
          {identity.data?.current && (
            <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('persons.category')}><Tag color="blue">{e('assistanceCategory', identity.data.current.category)}</Tag></Descriptions.Item>
              <Descriptions.Item label={t('persons.validFrom')}>{identity.data.current.valid_from}</Descriptions.Item>
              <Descriptions.Item label={t('persons.validTo')}>{identity.data.current.valid_to ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('persons.sources')}>{identity.data.current.sources}</Descriptions.Item>
              <Descriptions.Item label={t('persons.changedAt')}>{formatDateTime(identity.data.current.changed_at)}</Descriptions.Item>
            </Descriptions>
          )}
          <Table size="small" rowKey={(s) => `${s.source}-${s.source_record_id}-${s.stated_at}`} dataSource={identity.data?.statements ?? []} pagination={false}
            columns={[
              { title: t('queues.source'), dataIndex: 'source' },
              { title: t('persons.sourceRecord'), dataIndex: 'source_record_id' },
              { title: t('persons.category'), dataIndex: 'category', render: (v) => e('assistanceCategory', v) },
              { title: t('persons.validFrom'), dataIndex: 'valid_from' },
              { title: t('persons.validTo'), dataIndex: 'valid_to' },
              { title: t('persons.statedAt'), dataIndex: 'stated_at', render: formatDateTime },
            ]} />
        </IfAllowed>
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('persons.certifications')} data-testid="certifications">
            <IfAllowed allowed={can.certifications} testId="certifications-forbidden">
              <ProblemAlert error={certifications.error} />
              <Table size="small" rowKey="certificationId" dataSource={certifications.data ?? []} pagination={false}
                columns={[
                  { title: t('queues.disease'), render: (_, c) => `${c.diseaseCode} ${c.diseaseName}` },
                  { title: t('common.status'), dataIndex: 'status', render: (v) => e('certificationStatus', v) },
                  { title: t('queues.appliedOn'), dataIndex: 'appliedOn' },
                  { title: t('persons.validFrom'), dataIndex: 'validFrom' },
                  { title: t('persons.validTo'), dataIndex: 'validTo' },
                ]} />
            </IfAllowed>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('persons.filings')} data-testid="filings">
            <IfAllowed allowed={can.filings} testId="filings-forbidden">
              <ProblemAlert error={filings.error} />
              <Table size="small" rowKey="filingId" dataSource={filings.data ?? []} pagination={false}
                columns={[
                  { title: t('persons.destination'), dataIndex: 'destinationRegion' },
                  { title: t('common.reason'), dataIndex: 'reason' },
                  { title: t('persons.validFrom'), dataIndex: 'validFrom' },
                  { title: t('persons.validTo'), dataIndex: 'validTo' },
                  { title: t('persons.cancelledAt'), dataIndex: 'cancelledAt', render: formatDateTime },
                ]} />
            </IfAllowed>
          </Card>
        </Col>
      </Row>

      <Card title={t('persons.warnings')} data-testid="warnings">
        <IfAllowed allowed={can.warnings || can.bills} testId="warnings-forbidden">
          {can.warnings ? <ProblemAlert error={warnings.error} /> : (
            <Typography.Paragraph type="secondary" data-testid="poverty-warnings-forbidden">{t('persons.povertyWarningsForbidden')}</Typography.Paragraph>
          )}
          <List
            size="small"
            locale={{ emptyText: <Typography.Text type="secondary">{t('persons.noWarnings')}</Typography.Text> }}
            dataSource={[
              // The person's poverty-risk warnings: year, risk, category, the personal payment against the threshold.
              ...(warnings.data ?? []).map((w) => ({
                key: w.warningId ?? `${w.year}-${w.risk}`,
                tag: e('warningRisk', w.risk),
                color: w.status === 'OPEN' ? 'orange' : w.status === 'CONFIRMED' ? 'red' : 'default',
                text: `${w.year ?? ''} ${e('assistanceCategory', w.category)} · ${t('persons.personalPayment')} ${formatMoney(w.personalPayment)} / ${t('queues.threshold')} ${formatMoney(w.threshold)} · ${e('warningStatus', w.status)}${w.flaggedAt ? ` · ${formatDateTime(w.flaggedAt)}` : ''}`,
              })),
              // Each bill's pre-check findings.
              ...findings.map((f, i) => ({
                key: `f${i}`,
                tag: e('severity', f.severity),
                color: f.severity === 'VIOLATION' ? 'red' : 'gold',
                // A rule the dictionary knows is named in the staff's language, any other by the pack's own name.
                text: `${f.serviceDate} ${f.rule && e('rule', f.rule) !== f.rule ? e('rule', f.rule) : (f.ruleName ?? f.rule ?? '')}: ${f.evidence ?? ''} (${formatMoney(f.amount)})`,
              })),
            ]}
            renderItem={(w) => <List.Item data-testid="warning-item"><Tag color={w.color}>{w.tag}</Tag>{w.text}</List.Item>}
          />
        </IfAllowed>
      </Card>
      <Modal open={enrolling} title={`${t('register.enroll')} · ${p?.name ?? ''}`} footer={null} destroyOnHidden onCancel={() => setEnrolling(false)}>
        <EnrollForm personId={personId} onDone={() => {
          setEnrolling(false);
          message.success(t('register.enrolled'));
          if (can.enrollments) void enrollments.reload();
        }} />
      </Modal>
    </Space>
  );
}
