import { useState } from 'react';
import { App, Button, Descriptions, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { supervision } from '../../api/clients';
import { unwrap } from '../../api/problem';
import type { ClaimReview, ReviewDeductionLine } from '../../api/schemas';
import { ExportButton, Money, ProblemAlert } from '../../components/common';
import { moneyRule, useProblemSubmit } from '../../components/ProblemForm';
import { useEnums } from '../../i18n/enums';
import { formatDateTime } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { useApi } from '../../lib/useApi';

export default function ClaimReviewQueue() {
  const { t } = useTranslation();
  const e = useEnums();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const [institution, setInstitution] = useState<string>();
  const queue = useApi(async () => unwrap(await supervision.GET('/api/supervision/claim-reviews', {
    // The API pages from 0.
    params: { query: { institution, page: page - 1, size } },
  })), [institution, page, size]);
  const rows = queue.data?.reviews ?? [];
  // ReviewQueue counts its rows now (total); without it, offer one more page while pages come back full.
  const total = queue.data?.total ?? (page - 1) * size + rows.length + (rows.length === size ? 1 : 0);

  return (
    <div data-testid="claim-review-queue">
      <Form layout="inline" style={{ marginBottom: 12 }} onFinish={(v: { institution?: string }) => { setPage(1); setInstitution(v.institution || undefined); }}>
        <Form.Item name="institution" label={t('common.institution')} htmlFor="claims-institution">
          <Input id="claims-institution" data-testid="claims-institution" allowClear />
        </Form.Item>
        <Form.Item><Button htmlType="submit" type="primary">{t('common.search')}</Button></Form.Item>
        <Form.Item>
          <ExportButton rows={rows} filename="claim-reviews.csv" columns={[
            { title: 'id', value: (r) => r.id },
            { title: t('common.institution'), value: (r) => r.institution },
            { title: t('common.reason'), value: (r) => r.reason },
            { title: t('common.status'), value: (r) => r.status },
            { title: t('layers.total'), value: (r) => formatMoney(r.total) },
            { title: t('queues.fundPaid'), value: (r) => formatMoney(r.fundPaid) },
            { title: t('queues.deducted'), value: (r) => formatMoney(r.deducted) },
          ]} />
        </Form.Item>
      </Form>
      <ProblemAlert error={queue.error} />
      <Table<ClaimReview>
        rowKey="id"
        size="small"
        loading={queue.loading}
        dataSource={rows}
        onRow={(r) => ({ 'data-testid': 'queue-row', 'data-review-id': r.id } as React.HTMLAttributes<HTMLElement>)}
        pagination={{ current: page, pageSize: size, total, showSizeChanger: true, onChange: (p, s) => { setPage(p); setSize(s); } }}
        expandable={{ expandedRowRender: (r) => <ReviewFileView id={r.id!} onDecided={() => void queue.reload()} /> }}
        columns={[
          { title: t('common.institution'), dataIndex: 'institution' },
          { title: t('common.reason'), dataIndex: 'reason', render: (v) => <Tag>{e('reviewReason', v)}</Tag> },
          { title: t('common.status'), dataIndex: 'status', render: (v) => e('reviewStatus', v) },
          { title: t('queues.queued'), dataIndex: 'queuedAt', render: formatDateTime },
          { title: t('layers.total'), dataIndex: 'total', align: 'right', render: (v) => <Money value={v} /> },
          { title: t('queues.fundPaid'), dataIndex: 'fundPaid', align: 'right', render: (v) => <Money value={v} /> },
          { title: t('queues.deducted'), dataIndex: 'deducted', align: 'right', render: (v) => <Money value={v} /> },
        ]}
      />
    </div>
  );
}

type DecisionForm = { note?: string; lines: { lineNo: number; amount: string; reasonCode: string; reason?: string; findingId?: string }[] };

function ReviewFileView({ id, onDecided }: { id: string; onDecided: () => void }) {
  const { t } = useTranslation();
  const e = useEnums();
  const { message } = App.useApp();
  const file = useApi(async () => unwrap(await supervision.GET('/api/supervision/claim-reviews/{id}', { params: { path: { id } } })), [id]);
  const [form] = Form.useForm<DecisionForm>();
  const { submit, error, submitting } = useProblemSubmit(form, async (v) => {
    const lines: ReviewDeductionLine[] = (v.lines ?? []).map((l) => ({
      lineNo: l.lineNo,
      // The amount is sent as the reviewer typed it (decimal text read as a JSON number, no arithmetic).
      amount: Number(l.amount),
      reasonCode: l.reasonCode,
      reason: l.reason || undefined,
      findingId: l.findingId || undefined,
    }));
    return unwrap(await supervision.POST('/api/supervision/claim-reviews/{id}/decision', { params: { path: { id } }, body: { lines, note: v.note || undefined } }));
  }, () => { message.success(t('common.saved')); void file.reload(); onDecided(); });

  if (file.error) return <ProblemAlert error={file.error} />;
  const f = file.data;
  if (!f) return null;
  const review = f.review;
  return (
    <div data-testid="review-file">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('queues.settlementId')}>{review?.settlementId}</Descriptions.Item>
        <Descriptions.Item label={t('queues.deducted')}><Money value={review?.deducted} /></Descriptions.Item>
        <Descriptions.Item label={t('common.note')}>{review?.decisionNote ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('persons.lines')}</Typography.Title>
      <Table size="small" rowKey="no" pagination={false} dataSource={f.claimLines ?? []} columns={[
        { title: t('queues.lineNo'), dataIndex: 'no' },
        { title: t('trace.itemCode'), dataIndex: 'itemCode' },
        { title: t('trace.itemName'), dataIndex: 'itemName' },
        { title: t('common.amount'), dataIndex: 'amount', align: 'right', render: (v) => <Money value={v} /> },
      ]} />
      {(f.findings ?? []).length > 0 && (
        <>
          <Typography.Title level={5}>{t('queues.findings')}</Typography.Title>
          <Table size="small" rowKey="id" pagination={false} dataSource={f.findings} columns={[
            { title: t('queues.rule'), dataIndex: 'rule', render: (v) => e('rule', v) },
            { title: t('queues.severity'), dataIndex: 'severity', render: (v) => e('severity', v) },
            { title: t('queues.evidence'), dataIndex: 'evidence' },
            { title: t('dashboard.atRisk'), dataIndex: 'amountAtRisk', align: 'right', render: (v) => <Money value={v} /> },
          ]} />
        </>
      )}
      {(review?.deductions ?? []).length > 0 && (
        <>
          <Typography.Title level={5}>{t('queues.deductions')}</Typography.Title>
          <Table size="small" rowKey="lineNo" pagination={false} dataSource={review?.deductions} columns={[
            { title: t('queues.lineNo'), dataIndex: 'lineNo' },
            { title: t('trace.itemCode'), dataIndex: 'itemCode' },
            { title: t('common.amount'), dataIndex: 'amount', align: 'right', render: (v) => <Money value={v} testId="deduction-amount" /> },
            { title: t('queues.reasonCode'), dataIndex: 'reasonCode' },
            { title: t('common.reason'), dataIndex: 'reason' },
          ]} />
        </>
      )}
      {review?.status === 'OPEN' && (
        <>
          <Typography.Title level={5}>{t('queues.decideReview')}</Typography.Title>
          <ProblemAlert error={error} />
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ lines: [] }} data-testid="review-decision-form">
            <Form.List name="lines">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'lineNo']} label={t('queues.lineNo')} htmlFor={`deduction-${field.key}-line`} rules={[{ required: true }]}>
                        <InputNumber min={1} id={`deduction-${field.key}-line`} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'amount']} label={`${t('common.amount')} (${t('common.yuan')})`} htmlFor={`deduction-${field.key}-amount`} rules={[{ required: true }, moneyRule(t('validation.money'))]}>
                        <Input id={`deduction-${field.key}-amount`} inputMode="decimal" style={{ width: 120 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'reasonCode']} label={t('queues.reasonCode')} htmlFor={`deduction-${field.key}-code`} rules={[{ required: true }]}>
                        <Input id={`deduction-${field.key}-code`} style={{ width: 120 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'reason']} label={t('common.reason')} htmlFor={`deduction-${field.key}-reason`}>
                        <Input id={`deduction-${field.key}-reason`} />
                      </Form.Item>
                      <Button icon={<MinusCircleOutlined />} aria-label={t('queues.removeDeduction', { n: field.name + 1 })} onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Form.Item>
                    <Button type="dashed" icon={<PlusOutlined />} data-testid="add-deduction" onClick={() => add()}>{t('queues.deductions')}</Button>
                  </Form.Item>
                </>
              )}
            </Form.List>
            <Form.Item name="note" label={t('common.note')} htmlFor="review-note">
              <Input.TextArea id="review-note" rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="review-decide">{t('common.submit')}</Button>
          </Form>
        </>
      )}
    </div>
  );
}
