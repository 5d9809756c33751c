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

/** An error from a service: its problem detail (RFC 9457), or the message. */
export function ProblemAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const p = error instanceof ProblemError ? error : null;
  const message = p ? p.title || `HTTP ${p.status}` : t('common.error');
  const description = p ? p.detail : error instanceof Error ? error.message : String(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="problem"
      message={message}
      description={description}
      closable={!!onClose}
      onClose={onClose}
      style={{ marginBottom: 16 }}
    />
  );
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

