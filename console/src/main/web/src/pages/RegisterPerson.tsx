import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { enrollment } from '../api/clients';
import { unwrap } from '../api/problem';
import type { components } from '../api/generated/enrollment';
import { ProblemAlert } from '../components/common';
import { useProblemSubmit } from '../components/ProblemForm';
import { useEnums } from '../i18n/enums';

type Register = components['schemas']['RegisterPersonRequest'];
type Enroll = Omit<components['schemas']['EnrollRequest'], 'personId' | 'effectiveFrom'> & { effectiveFrom?: { format: (f: string) => string } };

/**
 * An enrollment clerk registers a person (POST /api/enrollment/persons) and enrolls them for a year
 * (POST /api/enrollment/enrollments), then goes to the person's page. The service checks every field
 * (the resident id's check digit among them); its refusals are shown next to the fields.
 */
export default function RegisterPerson() {
  const { t } = useTranslation();
  const e = useEnums();
  const navigate = useNavigate();
  const [registered, setRegistered] = useState<string>();
  const [registerForm] = Form.useForm<Register>();
  const [enrollForm] = Form.useForm<Enroll>();
  const register = useProblemSubmit(registerForm,
    async (v: Register) => unwrap(await enrollment.POST('/api/enrollment/persons', { body: { ...v, personId: v.personId.trim() } })),
    (person) => setRegistered(person.personId));
  const enroll = useProblemSubmit(enrollForm,
    async (v: Enroll) => unwrap(await enrollment.POST('/api/enrollment/enrollments', {
      body: { ...v, personId: registered!, effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD') },
    })),
    () => navigate(`/persons/${encodeURIComponent(registered!)}`));

  return (
    <Card title={t('register.title')} data-testid="register-person">
      <Steps size="small" current={registered ? 1 : 0} style={{ marginBottom: 16 }}
        items={[{ title: t('register.register') }, { title: t('register.enroll') }]} />
      {!registered ? (
        <Form key="register" form={registerForm} layout="vertical" onFinish={register.submit} style={{ maxWidth: 480 }}>
          <Form.Item name="personId" label={t('persons.residentId')} htmlFor="register-person-id" rules={[{ required: true }]}>
            <Input id="register-person-id" data-testid="register-person-id" maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('common.name')} htmlFor="register-name" rules={[{ required: true }]}>
            <Input id="register-name" data-testid="register-name" maxLength={100} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('common.region')} htmlFor="register-region" rules={[{ required: true }]}>
            <Input id="register-region" data-testid="register-region" maxLength={6} />
          </Form.Item>
          <Form.Item name="householdId" label={t('persons.household')} htmlFor="register-household">
            <Input id="register-household" data-testid="register-household" maxLength={40} />
          </Form.Item>
          <ProblemAlert error={register.error} />
          <Button type="primary" htmlType="submit" loading={register.submitting} data-testid="register-submit">{t('register.register')}</Button>
        </Form>
      ) : (
        <Form key="enroll" form={enrollForm} layout="vertical" onFinish={enroll.submit} style={{ maxWidth: 480 }}
          initialValues={{ year: new Date().getFullYear(), scheme: 'RESIDENT', personType: 'RESIDENT' }}>
          <Form.Item name="year" label={t('common.year')} htmlFor="enroll-year" rules={[{ required: true }]}>
            <InputNumber id="enroll-year" data-testid="enroll-year" min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="scheme" label={t('persons.scheme')} htmlFor="enroll-scheme" rules={[{ required: true }]}>
            <Select id="enroll-scheme" data-testid="enroll-scheme" options={[
              { value: 'RESIDENT', label: t('register.resident') }, { value: 'EMPLOYEE', label: t('register.employee') }]} />
          </Form.Item>
          <Form.Item name="personType" label={t('persons.personType')} htmlFor="enroll-person-type" rules={[{ required: true }]}>
            <Select id="enroll-person-type" data-testid="enroll-person-type" options={[
              { value: 'RESIDENT', label: t('register.resident') },
              { value: 'EMPLOYEE_ACTIVE', label: t('register.employeeActive') },
              { value: 'EMPLOYEE_RETIRED', label: t('register.employeeRetired') }]} />
          </Form.Item>
          <Form.Item name="tier" label={t('persons.tier')} htmlFor="enroll-tier">
            <Select id="enroll-tier" allowClear options={e.options('tier', ['EMPLOYER', 'INDIVIDUAL_TIER_1', 'INDIVIDUAL_TIER_2'])} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('persons.effectiveFrom')} htmlFor="enroll-from">
            <DatePicker id="enroll-from" />
          </Form.Item>
          <Form.Item name="wageBase" label={t('register.wageBase')} htmlFor="enroll-wage">
            <Input id="enroll-wage" inputMode="decimal" />
          </Form.Item>
          <ProblemAlert error={enroll.error} />
          <Space>
            <Button type="primary" htmlType="submit" loading={enroll.submitting} data-testid="enroll-submit">{t('register.enroll')}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
