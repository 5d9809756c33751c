import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { mayCall } from '../access';
import { enrollment } from '../api/clients';
import { unwrap } from '../api/problem';
import type { PersonView } from '../api/schemas';
import { ExportButton, MaskedId, ProblemAlert } from '../components/common';
import { useEnums } from '../i18n/enums';
import { looksLikeResidentId, maskResidentId } from '../lib/mask';
import { useApi } from '../lib/useApi';

const PAGE_SIZE = 20;

type Query = { q: string; region: string; page: number; size: number };

/**
 * Loads one page of persons: by resident id (exact, for the roles that may read a person by id), by name or part of
 * an id (server search, also for a whole id when the roles may only search), or by region.
 */
async function loadPersons({ q, region, page, size }: Query, mayReadById: boolean): Promise<{ rows: PersonView[]; total: number }> {
  const offset = (page - 1) * size;
  const text = q.trim();
  if (text && looksLikeResidentId(text) && mayReadById) {
    const r = await enrollment.GET('/api/enrollment/persons/{personId}', { params: { path: { personId: text } } });
    if (r.response.status === 404) return { rows: [], total: 0 };
    const person = unwrap(r);
    return { rows: [person], total: 1 };
  }
  if (text) {
    // PersonSearchPage: persons (ordered by name, then id) and total.
    const body = unwrap(await enrollment.GET('/api/enrollment/person-search', { params: { query: { q: text, region: region || undefined, limit: size, offset } } }));
    return { rows: body.persons ?? [], total: body.total ?? 0 };
  }
  if (!region) return { rows: [], total: 0 };
  const r = await enrollment.GET('/api/enrollment/persons', { params: { query: { region, limit: size, offset } } });
  const rows = unwrap(r);
  // The region listing does not count: offer one more page while pages come back full.
  return { rows, total: offset + rows.length + (rows.length === size ? 1 : 0) };
}

export default function PersonsPage() {
  const { t } = useTranslation();
  const e = useEnums();
  const [params, setParams] = useSearchParams();
  const { hasAnyRole, roles } = useAuth();
  const mayReadById = mayCall(roles, 'GET /api/enrollment/persons/{personId}');
  const [form] = Form.useForm<{ q: string; region: string }>();
  const query: Query = {
    q: params.get('q') ?? '',
    region: params.get('region') ?? '',
    page: Number(params.get('page') ?? 1),
    size: Number(params.get('size') ?? PAGE_SIZE),
  };
  const [searched, setSearched] = useState(Boolean(query.q || query.region));
  const { data, error, loading } = useApi(() => loadPersons(query, mayReadById), [query.q, query.region, query.page, query.size, mayReadById], searched);

  const submit = (values: { q?: string; region?: string }) => {
    setSearched(true);
    setParams({ q: values.q?.trim() ?? '', region: values.region?.trim() ?? '', page: '1', size: String(query.size) });
  };

  const columns = [
    {
      title: t('persons.residentId'),
      dataIndex: 'personId',
      render: (id: string) => <Link to={`/persons/${encodeURIComponent(id)}`}><MaskedId id={id} /></Link>,
    },
    { title: t('common.name'), dataIndex: 'name' },
    { title: t('persons.gender'), dataIndex: 'gender', render: (g: PersonView['gender']) => e('gender', g) },
    { title: t('persons.birthDate'), dataIndex: 'birthDate' },
    { title: t('common.region'), dataIndex: 'regionCode' },
    { title: t('persons.household'), dataIndex: 'householdId' },
  ];

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('persons.title')}</Typography.Title>}
      extra={hasAnyRole(['ENROLLMENT_CLERK']) && <Link to="/persons/new" data-testid="register-open">{t('register.open')}</Link>}>
      <Form form={form} layout="inline" onFinish={submit} initialValues={{ q: query.q, region: query.region }} style={{ marginBottom: 16 }}>
        <Form.Item name="q" label={t('persons.query')} htmlFor="person-query" extra={t('persons.queryHelp')}>
          <Input id="person-query" data-testid="person-search" allowClear autoFocus style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="region" label={t('common.region')} htmlFor="person-region">
          <Input id="person-region" data-testid="person-region" allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="person-search-submit">{t('common.search')}</Button>
            <ExportButton
              rows={data?.rows ?? []}
              filename="persons.csv"
              columns={[
                { title: t('persons.residentId'), value: (p) => maskResidentId(p.personId) },
                { title: t('common.name'), value: (p) => p.name },
                { title: t('persons.gender'), value: (p) => p.gender },
                { title: t('persons.birthDate'), value: (p) => p.birthDate },
                { title: t('common.region'), value: (p) => p.regionCode },
              ]}
            />
          </Space>
        </Form.Item>
      </Form>
      <ProblemAlert error={error} />
      <Table<PersonView>
        rowKey="personId"
        data-testid="person-results"
        loading={loading}
        dataSource={data?.rows ?? []}
        columns={columns}
        onRow={(p) => ({ 'data-testid': 'person-row', 'data-person-id': p.personId } as React.HTMLAttributes<HTMLElement>)}
        pagination={{
          current: query.page,
          pageSize: query.size,
          total: data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, size) => setParams({ q: query.q, region: query.region, page: String(page), size: String(size) }),
        }}
      />
    </Card>
  );
}
