import { useState } from 'react';
import { App, Button, Form, Input, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { assistance } from '../../api/clients';
import { pending, type PovertyWarning } from '../../api/pending';
import { toProblem, unwrap } from '../../api/problem';
import { ExportButton, MaskedId, PendingEndpoint, ProblemAlert } from '../../components/common';
import { parseCsv } from '../../lib/csv';
import { previousMonth } from '../../lib/dates';
import { maskResidentId } from '../../lib/mask';
import { useApi } from '../../lib/useApi';

type Loaded =
  | { kind: 'queue'; rows: PovertyWarning[]; total: number }
  | { kind: 'export'; rows: Record<string, string>[] };

async function load(month: string, page: number, size: number): Promise<Loaded> {
  // TODO(API-GAPS): GET /api/assistance/poverty-warnings?month=&status=OPEN&limit=&offset=
  const r = await pending.GET('/api/assistance/poverty-warnings', { params: { query: { month, status: 'OPEN', limit: size, offset: (page - 1) * size } } });
  if (r.response.ok) {
    const body = unwrap(r);
    return { kind: 'queue', rows: body.warnings, total: body.total };
  }
  if (r.response.status !== 404 && r.response.status !== 405) unwrap(r);
  // Today's API: the month's export (CSV) for the departments; confirmations come back as a file.
  const e = await assistance.GET('/api/assistance/poverty-warnings/export', { params: { query: { month } }, parseAs: 'text' });
  if (!e.response.ok) throw toProblem(e.error, e.response);
  return { kind: 'export', rows: parseCsv(String(e.data ?? '')) };
}

export default function WarningQueue() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [month, setMonth] = useState(previousMonth());
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const data = useApi(() => load(month, page, size), [month, page, size]);
  const [actionError, setActionError] = useState<unknown>();

  const confirm = async (w: PovertyWarning, confirmed: boolean) => {
    setActionError(undefined);
    try {
      // TODO(API-GAPS): POST /api/assistance/poverty-warnings/{warningId}/confirmation
      unwrap(await pending.POST('/api/assistance/poverty-warnings/{warningId}/confirmation', { params: { path: { warningId: w.warningId } }, body: { confirmed } }));
      message.success(t('common.saved'));
      void data.reload();
    } catch (e) {
      setActionError(e);
    }
  };

  const d = data.data;
  const exportColumns = d?.kind === 'export' && d.rows.length ? Object.keys(d.rows[0]) : [];
  return (
    <div data-testid="warning-queue">
      <Form layout="inline" style={{ marginBottom: 12 }} onFinish={(v: { month: string }) => { setPage(1); setMonth(v.month); }} initialValues={{ month }}>
        <Form.Item name="month" label={t('common.month')} rules={[{ pattern: /^\d{4}-\d{2}$/, message: 'yyyy-MM' }]}>
          <Input id="warning-month" data-testid="warning-month" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item><Button htmlType="submit" type="primary">{t('common.search')}</Button></Form.Item>
      </Form>
      <ProblemAlert error={data.error} />
      <ProblemAlert error={actionError} onClose={() => setActionError(undefined)} />
      {d?.kind === 'export' && (
        <>
          <PendingEndpoint endpoint="GET /api/assistance/poverty-warnings · POST /api/assistance/poverty-warnings/{warningId}/confirmation">
            {t('queues.warningFile')} — <Link to="/files?kind=warningFeedback">{t('queues.feedback')}</Link>
          </PendingEndpoint>
          <Space style={{ marginBottom: 12 }}>
            <ExportButton rows={d.rows} filename={`poverty-warnings-${month}.csv`} columns={exportColumns.map((c) => ({ title: c, value: (r: Record<string, string>) => r[c] }))} />
          </Space>
          <Table size="small" rowKey={(_, i) => String(i)} dataSource={d.rows} pagination={{ pageSize: 20 }}
            onRow={() => ({ 'data-testid': 'queue-row' } as React.HTMLAttributes<HTMLElement>)}
            columns={exportColumns.map((c) => ({ title: c, dataIndex: c, render: (v: string) => (/person|id_?no|身份证/i.test(c) ? maskResidentId(v) : v) }))} />
        </>
      )}
      {d?.kind === 'queue' && (
        <>
          <Space style={{ marginBottom: 12 }}>
            <ExportButton rows={d.rows} filename={`poverty-warnings-${month}.csv`} columns={[
              { title: t('persons.residentId'), value: (w) => maskResidentId(w.personId) },
              { title: t('common.month'), value: (w) => w.month },
              { title: 'kind', value: (w) => w.kind },
              { title: t('persons.category'), value: (w) => w.category },
              { title: t('common.status'), value: (w) => w.status },
            ]} />
          </Space>
          <Table<PovertyWarning> size="small" rowKey="warningId" dataSource={d.rows}
            onRow={(w) => ({ 'data-testid': 'queue-row', 'data-warning-id': w.warningId } as React.HTMLAttributes<HTMLElement>)}
            pagination={{ current: page, pageSize: size, total: d.total, showSizeChanger: true, onChange: (p, s) => { setPage(p); setSize(s); } }}
            columns={[
              { title: t('persons.residentId'), dataIndex: 'personId', render: (id) => <Link to={`/persons/${encodeURIComponent(id)}`}><MaskedId id={id} /></Link> },
              { title: 'kind', dataIndex: 'kind' },
              { title: t('persons.category'), dataIndex: 'category' },
              { title: t('common.status'), dataIndex: 'status', render: (s) => <Tag>{s}</Tag> },
              { title: '', render: (_, w) => w.status === 'OPEN' && (
                <Space>
                  <Button size="small" type="primary" data-testid="confirm-warning" onClick={() => void confirm(w, true)}>{t('common.approve')}</Button>
                  <Button size="small" data-testid="dismiss-warning" onClick={() => void confirm(w, false)}>{t('common.reject')}</Button>
                </Space>
              ) },
            ]} />
        </>
      )}
    </div>
  );
}
