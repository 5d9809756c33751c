import type { ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/money';
import { maskResidentId } from '../lib/mask';
import { downloadText, toCsv, type CsvColumn } from '../lib/csv';
import { ProblemError } from '../api/problem';

/** An amount exactly as the API gave it, to the fen, grouped by thousands. */
export function Money({ value, testId }: { value: unknown; testId?: string }) {
  return (
    <span className="money" data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatMoney(value)}
    </span>
  );
}

export function MaskedId({ id }: { id?: string }) {
  return <span title={undefined}>{maskResidentId(id)}</span>;
}

/** The i18n key of a problem's title by its HTTP status (the services' titles are English). */
const PROBLEM_TITLES: Record<number, string> = {
  400: 'problem.badRequest', 401: 'problem.unauthorized', 403: 'problem.forbidden', 404: 'problem.notFound', 409: 'problem.conflict',
  422: 'problem.unprocessable', 429: 'problem.tooMany', 500: 'problem.server', 502: 'problem.unavailable', 503: 'problem.unavailable', 504: 'problem.unavailable',
};

/**
 * An error from a service: a title in the staff's language by the problem's status (RFC 9457), with the service's
 * own detail (or, without one, its title) as the secondary text; any other error by its message.
 */
export function ProblemAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const p = error instanceof ProblemError ? error : null;
  const key = p ? PROBLEM_TITLES[p.status] : undefined;
  const message = p ? (key ? t(key) : p.title || `HTTP ${p.status}`) : t('common.error');
  const description = p ? (p.detail || (key ? p.title : '')) : error instanceof Error ? error.message : String(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="problem"
      data-status={p?.status}
      message={message}
      description={description || undefined}
      closable={!!onClose}
      onClose={onClose}
      style={{ marginBottom: 16 }}
    />
  );
}

/** Said where a section would be that the user's roles may not read (never an empty table, as if there were nothing). */
export function SectionForbidden({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return <Alert type="info" showIcon data-testid={testId ?? 'section-forbidden'} message={t('common.sectionForbidden')} />;
}

/** A section's content when the user's roles may read it, else the notice that they may not. */
export function IfAllowed({ allowed, testId, children }: { allowed: boolean; testId?: string; children: ReactNode }) {
  return allowed ? <>{children}</> : <SectionForbidden testId={testId} />;
}

/** Exports the rows a table shows to CSV. */
export function ExportButton<T>({ rows, columns, filename, testId }: { rows: readonly T[]; columns: readonly CsvColumn<T>[]; filename: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Button
      icon={<DownloadOutlined />}
      data-testid={testId ?? 'export-csv'}
      disabled={rows.length === 0}
      onClick={() => downloadText(filename, toCsv(rows, columns))}
    >
      {t('common.export')}
    </Button>
  );
}

