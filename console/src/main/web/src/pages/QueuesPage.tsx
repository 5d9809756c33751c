import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { QUEUE_ROLES } from '../roles';
import CertificationQueue from './queues/CertificationQueue';
import WarningQueue from './queues/WarningQueue';
import ClaimReviewQueue from './queues/ClaimReviewQueue';
import CaseWork from './queues/CaseWork';

export default function QueuesPage() {
  const { t } = useTranslation();
  const { hasAnyRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const tabs = [
    { key: 'certifications', label: t('queues.certifications'), children: <CertificationQueue /> },
    { key: 'warnings', label: t('queues.warnings'), children: <WarningQueue /> },
    { key: 'claims', label: t('queues.claims'), children: <ClaimReviewQueue /> },
    { key: 'cases', label: t('queues.cases'), children: <CaseWork /> },
  ].filter((tab) => hasAnyRole(QUEUE_ROLES[tab.key as keyof typeof QUEUE_ROLES]));
  const active = params.get('tab') && tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : tabs[0]?.key;
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('queues.title')}</Typography.Title>}>
      <Tabs
        activeKey={active}
        onChange={(k) => setParams({ tab: k })}
        items={tabs.map((x) => ({ ...x, label: <span data-testid={`queue-tab-${x.key}`}>{x.label}</span> }))}
        destroyInactiveTabPane
      />
    </Card>
  );
}
