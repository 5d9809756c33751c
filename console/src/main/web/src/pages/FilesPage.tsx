import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, InputNumber, Progress, Select, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { AssistancePaths, EnrollmentPaths, ProcurementPaths, SettlementPaths } from '../api/clients';
import { uploadFile, type PostPath } from '../api/upload';
import { ExportButton, ProblemAlert } from '../components/common';
import { useEnums } from '../i18n/enums';
import { useAuth } from '../auth/AuthContext';
import type { Role } from '../auth/auth';
import { currentYear } from '../lib/dates';
import { downloadText } from '../lib/csv';

/** The files the bureau uploads, each to its service's documented path. */
type Kind = {
  key: string;
  roles: readonly Role[];
  accept: string;
  needsYear?: boolean;
  upload: (file: Blob, contentType: string, year: number, progress: (p: number) => void) => Promise<unknown>;
};

const up = <P,>() => <K extends PostPath<P>>(path: K) =>
  (file: Blob, contentType: string, year: number, progress: (p: number) => void) =>
    uploadFile<P, K>(path, { year }, file, contentType, progress);

const KINDS: Kind[] = [
  { key: 'enrollmentImport', roles: ['ENROLLMENT_CLERK'], accept: '.csv,.txt', upload: up<EnrollmentPaths>()('/api/enrollment/imports') },
  { key: 'duplicateCheck', roles: ['ENROLLMENT_CLERK'], accept: '.csv,.txt', upload: up<EnrollmentPaths>()('/api/enrollment/duplicate-checks') },
  { key: 'identityFeed', roles: ['ASSISTANCE_OFFICER'], accept: '.csv,.jsonl,.ndjson', upload: up<AssistancePaths>()('/api/assistance/identity-feeds') },
  { key: 'warningFeedback', roles: ['ASSISTANCE_OFFICER'], accept: '.csv,.txt', upload: up<AssistancePaths>()('/api/assistance/poverty-warnings/feedback') },
  { key: 'agreedVolumes', roles: ['PROCUREMENT_OFFICER'], accept: '.csv,.txt', needsYear: true, upload: up<ProcurementPaths>()('/api/procurement/agreed-volumes/{year}') },
  { key: 'purchaseReports', roles: ['PROCUREMENT_OFFICER'], accept: '.csv,.txt', upload: up<ProcurementPaths>()('/api/procurement/purchase-reports') },
  { key: 'catalogItems', roles: ['MANAGER'], accept: '.csv,.tsv,.txt', upload: up<SettlementPaths>()('/api/settlement/catalog/imports/items') },
  { key: 'catalogCeilings', roles: ['MANAGER'], accept: '.csv,.tsv,.txt', upload: up<SettlementPaths>()('/api/settlement/catalog/imports/ceilings') },
  { key: 'catalogSelfpay', roles: ['MANAGER'], accept: '.csv,.tsv,.txt', upload: up<SettlementPaths>()('/api/settlement/catalog/imports/selfpay-ratios') },
  { key: 'catalogRestrictions', roles: ['MANAGER'], accept: '.csv,.tsv,.txt', upload: up<SettlementPaths>()('/api/settlement/catalog/imports/restrictions') },
];

function contentTypeOf(name: string): string {
  const n = name.toLowerCase();
  if (n.endsWith('.jsonl') || n.endsWith('.ndjson')) return 'application/x-ndjson';
  if (n.endsWith('.tsv')) return 'text/tab-separated-values';
  if (n.endsWith('.txt')) return 'text/plain';
  return 'text/csv';
}

/** The row-level part of a report: every service calls its list a little differently. */
type RowProblem = { line?: number; field?: string; reason?: string };
function rowProblems(report: Record<string, unknown>): RowProblem[] {
  for (const key of ['rejectedRows', 'invalidRows', 'errors']) {
    const v = report[key];
    if (Array.isArray(v)) return v as RowProblem[];
  }
  return [];
}

export default function FilesPage() {
  const { t } = useTranslation();
  const e = useEnums();
  const { hasAnyRole } = useAuth();
  const [params] = useSearchParams();
  const kinds = KINDS.filter((k) => hasAnyRole(k.roles));
  const [kindKey, setKindKey] = useState<string>(kinds.some((k) => k.key === params.get('kind')) ? params.get('kind')! : kinds[0]?.key);
  const [year, setYear] = useState(currentYear());
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [progress, setProgress] = useState<number>();
  const [report, setReport] = useState<Record<string, unknown>>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const kind = kinds.find((k) => k.key === kindKey);
  /** A report's field in the staff's language (any field the dictionary does not know, as the service names it). */
  const fieldLabel = (k: string) => t(`files.fields.${k}`, { defaultValue: k });

  const start = async () => {
    const file = files[0]?.originFileObj;
    if (!kind || !file) return;
    setBusy(true); setError(undefined); setReport(undefined); setProgress(0);
    try {
      const r = await kind.upload(file, contentTypeOf(file.name), year, setProgress);
      setReport((r ?? {}) as Record<string, unknown>);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const problems = report ? rowProblems(report) : [];
  const listed = report && Array.isArray(report.listed) ? (report.listed as Record<string, unknown>[]) : [];
  const scalars = report ? Object.entries(report).filter(([, v]) => v === null || typeof v !== 'object') : [];

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('files.title')}</Typography.Title>} data-testid="files">
      <Form layout="vertical" onFinish={() => void start()} style={{ maxWidth: 560 }}>
        <Form.Item label={t('files.kind')} htmlFor="file-kind">
          <Select id="file-kind" data-testid="file-kind" value={kindKey} onChange={(v) => { setKindKey(v); setReport(undefined); setProgress(undefined); }}
            options={kinds.map((k) => ({ value: k.key, label: t(`files.${k.key}`, { defaultValue: k.key }) }))} />
        </Form.Item>
        {kind?.needsYear && (
          <Form.Item label={t('files.year')} htmlFor="file-year">
            <InputNumber id="file-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          </Form.Item>
        )}
        <Form.Item label={t('files.file')} htmlFor="file-upload-input">
          <Upload id="file-upload-input" accept={kind?.accept} maxCount={1} fileList={files} beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)} data-testid="file-input">
            <Button icon={<UploadOutlined />}>{t('files.file')}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={!files.length || !kind} loading={busy} data-testid="file-upload">{t('files.upload')}</Button>
      </Form>
      {progress !== undefined && (
        <div style={{ maxWidth: 560, marginTop: 16 }}>
          <Typography.Text id="upload-progress-label">{t('files.progress')}</Typography.Text>
          <Progress percent={progress} data-testid="upload-progress" aria-labelledby="upload-progress-label" status={error ? 'exception' : progress === 100 && report ? 'success' : 'active'} />
        </div>
      )}
      <div style={{ marginTop: 16 }}><ProblemAlert error={error} /></div>
      {report && (
        <div data-testid="file-report">
          <Typography.Title level={5}>{t('files.report')}</Typography.Title>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            {scalars.map(([k, v]) => (
              <Descriptions.Item key={k} label={fieldLabel(k)}>
                <span data-testid={`report-${k}`} data-value={String(v)}>{typeof v === 'boolean' ? t(v ? 'files.yes' : 'files.no') : String(v ?? '—')}</span>
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Space style={{ margin: '12px 0' }}>
            <ExportButton rows={problems} filename={`${kindKey}-report.csv`} testId="report-download-csv" columns={[
              { title: t('files.line'), value: (r) => r.line }, { title: t('files.field'), value: (r) => r.field }, { title: t('files.reason'), value: (r) => r.reason },
            ]} />
            <Button data-testid="report-download-json" onClick={() => downloadText(`${kindKey}-report.json`, JSON.stringify(report, null, 2), 'application/json')}>{t('files.download')} (JSON)</Button>
          </Space>
          {problems.length === 0 && <Alert type="success" showIcon message={t('common.none')} />}
          {problems.length > 0 && (
            <Table<RowProblem> size="small" rowKey={(r, i) => `${r.line}-${r.field}-${i}`} dataSource={problems} pagination={{ pageSize: 50 }}
              onRow={() => ({ 'data-testid': 'report-row' } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                { title: t('files.line'), dataIndex: 'line' },
                { title: t('files.field'), dataIndex: 'field' },
                { title: t('files.reason'), dataIndex: 'reason' },
              ]} />
          )}
          {listed.length > 0 && (
            <Table size="small" style={{ marginTop: 12 }} rowKey={(_, i) => String(i)} dataSource={listed} pagination={{ pageSize: 50 }}
              columns={Object.keys(listed[0]).map((k) => ({
                title: fieldLabel(k), dataIndex: k,
                render: (v: unknown) => (k === 'theirScheme' || k === 'ourScheme' ? e('scheme', v) : String(v ?? '—')),
              }))} />
          )}
        </div>
      )}
    </Card>
  );
}
