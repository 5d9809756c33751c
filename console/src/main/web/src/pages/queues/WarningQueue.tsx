import { useState } from 'react';
import { App, Button, Form, Input, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { assistance } from '../../api/clients';
import { unwrap } from '../../api/problem';
import type { PovertyWarning } from '../../api/schemas';
import { ExportButton, MaskedId, Money, ProblemAlert } from '../../components/common';
import { useEnums } from '../../i18n/enums';
import { formatDateTime, previousMonth } from '../../lib/dates';
import { maskResidentId } from '../../lib/mask';
import { formatMoney } from '../../lib/money';
import { useApi } from '../../lib/useApi';

const STATUS_COLOR: Record<string, string> = { OPEN: 'orange', CONFIRMED: 'red', REJECTED: 'default' };

/** The month's open warnings, paged on the server (Page: warnings and total). */
async function load(month: string, page: number, size: number): Promise<{ rows: PovertyWarning[]; total: number }> {
  const body = unwrap(await assistance.GET('/api/assistance/poverty-warnings', {
    params: { query: { month, status: 'OPEN', limit: size, offset: (page - 1) * size } },
  }));
  return { rows: body.warnings ?? [], total: body.total ?? 0 };
}

export default function WarningQueue() {
  const { t } = useTranslation();
  const e = useEnums();
  const { message } = App.useApp();
  const [month, setMonth] = useState(previousMonth());
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const data = useApi(() => load(month, page, size), [month, page, size]);
  const [actionError, setActionError] = useState<unknown>();

  // The confirmer comes from the token on the server; it is never sent.
  const confirm = async (w: PovertyWarning, confirmed: boolean) => {
    setActionError(undefined);
    try {
      unwrap(await assistance.POST('/api/assistance/poverty-warnings/{warningId}/confirmation', {
        params: { path: { warningId: w.warningId! } },
        body: { confirmed },
      }));
      message.success(t('common.saved'));
      void data.reload();
    } catch (err) {
      setActionError(err);
    }
  };

  const rows = data.data?.rows ?? [];
  return (
    <div data-testid="warning-queue">
      <Form layout="inline" style={{ marginBottom: 12 }} onFinish={(v: { month: string }) => { setPage(1); setMonth(v.month); }} initialValues={{ month }}>
        <Form.Item name="month" label={t('common.month')} htmlFor="warning-month" rules={[{ pattern: /^\d{4}-\d{2}$/, message: 'yyyy-MM' }]}>
          <Input id="warning-month" data-testid="warning-month" placeholder="yyyy-MM" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item><Button htmlType="submit" type="primary">{t('common.search')}</Button></Form.Item>
        <Form.Item><Link to="/files?kind=warningFeedback">{t('queues.feedback')}</Link></Form.Item>
      </Form>
      <ProblemAlert error={data.error} />
      <ProblemAlert error={actionError} onClose={() => setActionError(undefined)} />
      <Space style={{ marginBottom: 12 }}>
        <ExportButton rows={rows} filename={`poverty-warnings-${month}.csv`} columns={[
          { title: 'personId', value: (w) => maskResidentId(w.personId) },
          { title: 'regionCode', value: (w) => w.regionCode },
          { title: 'year', value: (w) => w.year },
          { title: 'risk', value: (w) => w.risk },
          { title: 'category', value: (w) => w.category },
          { title: 'personalPayment', value: (w) => formatMoney(w.personalPayment) },
          { title: 'threshold', value: (w) => formatMoney(w.threshold) },
          { title: 'basis', value: (w) => w.basis },
          { title: 'flaggedAt', value: (w) => formatDateTime(w.flaggedAt) },
          { title: 'status', value: (w) => w.status },
        ]} />
      </Space>
      <Table<PovertyWarning> size="small" rowKey="warningId" dataSource={rows} loading={data.loading} scroll={{ x: true }}
        onRow={(w) => ({ 'data-testid': 'queue-row', 'data-warning-id': w.warningId } as React.HTMLAttributes<HTMLElement>)}
        pagination={{ current: page, pageSize: size, total: data.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => { setPage(p); setSize(s); } }}
        columns={[
          { title: t('persons.residentId'), dataIndex: 'personId', render: (id: string) => <Link to={`/persons/${encodeURIComponent(id)}`}><MaskedId id={id} /></Link> },
          { title: t('common.region'), dataIndex: 'regionCode' },
          { title: t('common.year'), dataIndex: 'year' },
          { title: t('queues.risk'), dataIndex: 'risk', render: (v) => e('warningRisk', v) },
          { title: t('persons.category'), dataIndex: 'category', render: (v) => e('assistanceCategory', v) },
          { title: t('persons.personalPayment'), dataIndex: 'personalPayment', align: 'right', render: (v) => <Money value={v} testId="warning-personal-payment" /> },
          { title: t('queues.threshold'), dataIndex: 'threshold', align: 'right', render: (v) => <Money value={v} /> },
          { title: t('queues.basis'), dataIndex: 'basis' },
          { title: t('queues.flaggedAt'), dataIndex: 'flaggedAt', render: formatDateTime },
          { title: t('common.status'), dataIndex: 'status', render: (s) => <Tag color={STATUS_COLOR[s] ?? 'default'}>{e('warningStatus', s)}</Tag> },
          { title: t('common.actions'), key: 'actions', render: (_, w) => w.status === 'OPEN' && (
            <Space>
              <Button size="small" type="primary" data-testid="confirm-warning"
                aria-label={`${t('queues.confirmWarning')} ${maskResidentId(w.personId)}`}
                onClick={() => void confirm(w, true)}>{t('queues.confirmWarning')}</Button>
              <Button size="small" data-testid="dismiss-warning"
                aria-label={`${t('queues.dismissWarning')} ${maskResidentId(w.personId)}`}
                onClick={() => void confirm(w, false)}>{t('queues.dismissWarning')}</Button>
            </Space>
          ) },
        ]} />
    </div>
  );
}
