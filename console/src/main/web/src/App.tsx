import { Component, lazy, Suspense, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { BarChartOutlined, BankOutlined, ExperimentOutlined, FileTextOutlined, InboxOutlined, TeamOutlined } from '@ant-design/icons';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth/AuthContext';
import { signIn, signOut, userManager } from './auth/auth';
import { PAGE_ROLES, type Page } from './roles';
import { setLanguage } from './i18n';
import { useEnums } from './i18n/enums';

const PersonsPage = lazy(() => import('./pages/PersonsPage'));
const PersonPage = lazy(() => import('./pages/PersonPage'));
const RegisterPerson = lazy(() => import('./pages/RegisterPerson'));
const QueuesPage = lazy(() => import('./pages/QueuesPage'));
const InstitutionsPage = lazy(() => import('./pages/InstitutionsPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const FilesPage = lazy(() => import('./pages/FilesPage'));
const SimulationsPage = lazy(() => import('./pages/SimulationsPage'));

const PAGES: { key: Page; icon: React.ReactNode }[] = [
  { key: 'persons', icon: <TeamOutlined /> },
  { key: 'queues', icon: <InboxOutlined /> },
  { key: 'institutions', icon: <BankOutlined /> },
  { key: 'dashboard', icon: <BarChartOutlined /> },
  { key: 'files', icon: <FileTextOutlined /> },
  { key: 'simulations', icon: <ExperimentOutlined /> },
];

/**
 * Colours darker than Ant Design's defaults so that text on buttons, links and secondary text meet WCAG 2.1 AA's
 * contrast of 4.5:1 on white (the accessibility test's axe found #1677ff at 4.2:1 and rgba(0,0,0,.45) at 2.8:1).
 */
const THEME = { colorPrimary: '#0958d9', colorLink: '#0958d9', colorTextDescription: 'rgba(0, 0, 0, 0.65)', colorTextTertiary: 'rgba(0, 0, 0, 0.65)' };

/** A page that fails to render shows what failed and a way back, never a blank screen. */
class PageErrorBoundary extends Component<{ title: string; reload: string; children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('console page failed to render', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result status="error" title={this.props.title} subTitle={String(this.state.error.message ?? this.state.error)} data-testid="render-error"
        extra={<Button type="primary" onClick={() => window.location.reload()}>{this.props.reload}</Button>} />
    );
  }
}

export default function App() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  const location = useLocation();
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} button={{ autoInsertSpace: false }} theme={{ token: THEME }}>
      <AntApp>
        <PageErrorBoundary key={location.pathname} title={t('app.renderError')} reload={t('app.reload')}>
          <Routes>
            <Route path="/callback" element={<Callback />} />
            <Route path="*" element={<Shell />} />
          </Routes>
        </PageErrorBoundary>
      </AntApp>
      <span hidden>{t('app.title')}</span>
    </ConfigProvider>
  );
}

/** Finishes the authorization-code flow (code + PKCE verifier → tokens) and returns to the page. */
function Callback() {
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  useEffect(() => {
    userManager
      .signinRedirectCallback()
      .then((user) => {
        const state = user.state as { returnTo?: string } | undefined;
        const back = (state?.returnTo ?? '/console/').replace(/^\/console/, '') || '/';
        navigate(back, { replace: true });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [navigate]);
  if (error) {
    return <Result status="error" title="Login failed" subTitle={error} extra={<Button onClick={() => void signIn('/console/')}>Retry</Button>} />;
  }
  return <Spin fullscreen tip="…" />;
}

function Shell() {
  const { t, i18n } = useTranslation();
  const e = useEnums();
  const { user, roles, loading, hasAnyRole } = useAuth();
  const location = useLocation();

  useEffect(() => {
    if (!loading && !user) void signIn();
  }, [loading, user]);

  if (loading || !user) {
    return (
      <Result
        status="info"
        title={loading ? t('common.loading') : t('app.signingIn')}
        extra={<Button type="primary" data-testid="sign-in" onClick={() => void signIn()}>{t('app.signIn')}</Button>}
      />
    );
  }

  const allowed = PAGES.filter((p) => hasAnyRole(PAGE_ROLES[p.key]));
  const selected = location.pathname.split('/')[1] || '';
  const name = (user.profile.name as string | undefined) ?? user.profile.sub;

  const guard = (page: Page, element: React.ReactNode) =>
    hasAnyRole(PAGE_ROLES[page]) ? element : <Result status="403" title="403" subTitle={t('app.forbidden')} />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <div style={{ padding: 16, fontWeight: 600 }}>{t('app.title')}</div>
        <nav aria-label={t('app.title')}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            data-testid="nav"
            items={allowed.map((p) => ({
              key: p.key,
              icon: p.icon,
              label: <Link to={`/${p.key}`} data-testid={`nav-${p.key}`}>{t(`nav.${p.key}`)}</Link>,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', paddingInline: 16 }}>
          <Space wrap>
            <Typography.Text data-testid="user-name">{name}</Typography.Text>
            <Tooltip title={roles.join(', ')}>
              <Tag data-testid="user-roles" tabIndex={0}>{t('app.roles')}: {roles.length ? roles.map((r) => e('staffRoleName', r)).join(t('app.roleSeparator')) : '—'}</Tag>
            </Tooltip>
            <Button
              data-testid="language-switch"
              aria-label="Language / 语言"
              onClick={() => setLanguage(i18n.language === 'en' ? 'zh' : 'en')}
            >
              {t('app.language')}
            </Button>
            <Button data-testid="sign-out" onClick={() => void signOut()}>{t('app.signOut')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          <main>
            <Suspense fallback={<Spin />}>
              <Routes>
                <Route path="/" element={allowed.length ? <Navigate to={`/${allowed[0].key}`} replace /> : <Result status="403" title={t('app.forbidden')} />} />
                <Route path="/persons" element={guard('persons', <PersonsPage />)} />
                <Route path="/persons/new" element={guard('persons', <RegisterPerson />)} />
                <Route path="/persons/:personId" element={guard('persons', <PersonPage />)} />
                <Route path="/queues" element={guard('queues', <QueuesPage />)} />
                <Route path="/institutions" element={guard('institutions', <InstitutionsPage />)} />
                <Route path="/dashboard" element={guard('dashboard', <DashboardPage />)} />
                <Route path="/files" element={guard('files', <FilesPage />)} />
                <Route path="/simulations" element={guard('simulations', <SimulationsPage />)} />
                <Route path="*" element={<Result status="404" title="404" />} />
              </Routes>
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
