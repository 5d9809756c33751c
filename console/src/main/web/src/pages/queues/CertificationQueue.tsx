import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { enrollment } from '../../api/clients';
import { unwrap } from '../../api/problem';
import type { Decide, QueuedCertification } from '../../api/schemas';
import { ExportButton, MaskedId, ProblemAlert } from '../../components/common';
import { useProblemSubmit } from '../../components/ProblemForm';
import { useEnums } from '../../i18n/enums';
import { today } from '../../lib/dates';
import { maskResidentId } from '../../lib/mask';
import { useApi } from '../../lib/useApi';

type Row = QueuedCertification;

/** The pending certifications, overdue first, then by deadline; the server counts the working days left. */
async function loadQueue(page: number, size: number): Promise<{ rows: Row[]; total: number }> {
  const body = unwrap(await enrollment.GET('/api/enrollment/certifications', {
    params: { query: { status: 'PENDING', limit: size, offset: (page - 1) * size } },
  }));
  return { rows: body.certifications ?? [], total: body.total ?? 0 };
}

export default function CertificationQueue() {
  const { t } = useTranslation();
  const e = useEnums();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const queue = useApi(() => loadQueue(page, size), [page, size]);
  const [deciding, setDeciding] = useState<{ row: Row; approved: boolean }>();
  const [form] = Form.useForm<{ reason?: string; validFrom?: { format: (f: string) => string }; validTo?: { format: (f: string) => string } }>();

  const { submit, error, submitting, clearError } = useProblemSubmit(form, async (v) => {
    const body: Decide = {
      approved: deciding!.approved,
      reason: v.reason || undefined,
      validFrom: v.validFrom?.format('YYYY-MM-DD'),
      validTo: v.validTo?.format('YYYY-MM-DD'),
    };
    return unwrap(await enrollment.POST('/api/enrollment/certifications/{id}/decision', {
      params: { path: { id: deciding!.row.certificationId! } },
      body,
    }));
  }, () => {
    message.success(t('common.saved'));
    setDeciding(undefined);
    form.resetFields();
    void queue.reload();
  });

  const rows = queue.data?.rows ?? [];
  const now = today();
  return (
    <div data-testid="certification-queue">
      <ProblemAlert error={queue.error} />
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => void queue.reload()}>{t('common.refresh')}</Button>
        <ExportButton rows={rows} filename="certifications.csv" columns={[
          { title: t('persons.residentId'), value: (c) => maskResidentId(c.personId) },
          { title: t('queues.disease'), value: (c) => `${c.diseaseCode} ${c.diseaseName}` },
          { title: t('queues.appliedOn'), value: (c) => c.appliedOn },
          { title: t('queues.deadline'), value: (c) => c.decideBy },
          { title: t('queues.workingDaysLeft'), value: (c) => c.workingDaysLeft },
          { title: t('common.status'), value: (c) => c.status },
        ]} />
      </Space>
      <Table<Row>
        rowKey="certificationId"
        size="small"
        loading={queue.loading}
        dataSource={rows}
        onRow={(c) => ({ 'data-testid': 'queue-row', 'data-certification-id': c.certificationId } as React.HTMLAttributes<HTMLElement>)}
        pagination={{ current: page, pageSize: size, total: queue.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => { setPage(p); setSize(s); } }}
        columns={[
          { title: t('persons.residentId'), dataIndex: 'personId', render: (id) => <MaskedId id={id} /> },
          { title: t('queues.disease'), render: (_, c) => `${c.diseaseCode ?? ''} ${c.diseaseName ?? ''}` },
          { title: t('queues.appliedOn'), dataIndex: 'appliedOn' },
          { title: t('queues.deadline'), dataIndex: 'decideBy', render: (d, c) => (
            <Space>{d}{(c.overdue || (d && d < now)) && <Tag color="red" data-testid="overdue">{t('queues.overdue')}</Tag>}</Space>) },
          { title: t('queues.workingDaysLeft'), dataIndex: 'workingDaysLeft', render: (v) => v ?? '—' },
          { title: t('common.status'), dataIndex: 'status', render: (v) => e('certificationStatus', v) },
          {
            title: t('queues.decide'),
            render: (_, c) => c.status === 'PENDING' ? (
              <Space>
                <Button type="primary" size="small" data-testid="approve" aria-label={`${t('common.approve')} ${c.diseaseName ?? ''}`} onClick={() => setDeciding({ row: c, approved: true })}>{t('common.approve')}</Button>
                <Button danger size="small" data-testid="reject" aria-label={`${t('common.reject')} ${c.diseaseName ?? ''}`} onClick={() => setDeciding({ row: c, approved: false })}>{t('common.reject')}</Button>
              </Space>
            ) : null,
          },
        ]}
      />
      <Modal
        open={!!deciding}
        title={deciding?.approved ? t('queues.approveTitle') : t('queues.rejectTitle')}
        onCancel={() => { setDeciding(undefined); clearError(); }}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: submitting, 'data-testid': 'decision-submit' } as never}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <ProblemAlert error={error} />
        <Form form={form} layout="vertical" onFinish={submit} data-testid="decision-form">
          <Form.Item name="reason" label={t('common.reason')} htmlFor="decision-reason" rules={deciding?.approved ? [] : [{ required: true }]}>
            <Input.TextArea id="decision-reason" data-testid="decision-reason" rows={3} />
          </Form.Item>
          {deciding?.approved && (
            <Space>
              <Form.Item name="validFrom" label={t('persons.validFrom')} htmlFor="decision-valid-from"><DatePicker id="decision-valid-from" /></Form.Item>
              <Form.Item name="validTo" label={t('persons.validTo')} htmlFor="decision-valid-to"><DatePicker id="decision-valid-to" /></Form.Item>
            </Space>
          )}
        </Form>
      </Modal>
    </div>
  );
}
