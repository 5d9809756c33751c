import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { enrollment } from '../api/clients';
import { unwrap } from '../api/problem';
import type { components } from '../api/generated/enrollment';
import { ProblemAlert } from './common';
import { moneyRule, useProblemSubmit } from './ProblemForm';
import { useEnums } from '../i18n/enums';
import { currentYear } from '../lib/dates';

type EnrollRequest = components['schemas']['EnrollRequest'];
type Scheme = EnrollRequest['scheme'];
type PersonType = EnrollRequest['personType'];
type Enroll = Omit<EnrollRequest, 'personId' | 'effectiveFrom'> & { effectiveFrom?: { format: (f: string) => string } };

/** The person types of each scheme (the service refuses a type of the other scheme). */
const PERSON_TYPES: Record<Scheme, PersonType[]> = {
  RESIDENT: ['RESIDENT'],
  EMPLOYEE: ['EMPLOYEE_ACTIVE', 'EMPLOYEE_RETIRED'],
};

/**
 * Enrolls a registered person for a year (POST /api/enrollment/enrollments): the registration wizard's second step,
 * and the person page's enroll action. The fields follow the scheme as the service checks them: a resident has the
 * resident type and no tier or wage base; an employee has an employee type and a tier, and an active employee a wage
 * base. A field is checked again whenever it or the scheme changes, so an error goes as soon as it is fixed.
 */
export function EnrollForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const e = useEnums();
  const [form] = Form.useForm<Enroll>();
  const scheme = (Form.useWatch('scheme', form) ?? 'RESIDENT') as Scheme;
  const personType = Form.useWatch('personType', form) as PersonType | undefined;
  const employee = scheme === 'EMPLOYEE';
  const enroll = useProblemSubmit(form,
    async (v: Enroll) => unwrap(await enrollment.POST('/api/enrollment/enrollments', {
      body: {
        ...v,
        personId,
        tier: v.scheme === 'EMPLOYEE' ? v.tier : undefined,
        wageBase: v.scheme === 'EMPLOYEE' && v.wageBase ? String(v.wageBase).trim() : undefined,
        effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD'),
      },
    })),
    () => onDone());

  const typeLabel: Record<PersonType, string> = {
    RESIDENT: t('register.resident'), EMPLOYEE_ACTIVE: t('register.employeeActive'), EMPLOYEE_RETIRED: t('register.employeeRetired'),
  };

  const onValuesChange = (changed: Partial<Enroll>) => {
    if (changed.scheme) {
      // The person type follows the scheme: the only type of the scheme, or none to choose from the scheme's types.
      const types = PERSON_TYPES[changed.scheme];
      const current = form.getFieldValue('personType') as PersonType | undefined;
      if (!current || !types.includes(current)) form.setFieldValue('personType', types.length === 1 ? types[0] : undefined);
      if (changed.scheme === 'RESIDENT') {
        form.setFieldValue('tier', undefined);
        form.setFieldValue('wageBase', undefined);
      }
    }
    enroll.revalidate(changed);
  };

  const required = (label: string) => ({ required: true, message: t('validation.required', { label }) });

  return (
    <Form form={form} layout="vertical" onFinish={enroll.submit} onValuesChange={onValuesChange} style={{ maxWidth: 480 }} data-testid="enroll-form"
      initialValues={{ year: currentYear(), scheme: 'RESIDENT', personType: 'RESIDENT' }}>
      <Form.Item name="year" label={t('common.year')} htmlFor="enroll-year" rules={[required(t('common.year'))]}>
        <InputNumber id="enroll-year" data-testid="enroll-year" min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="scheme" label={t('persons.scheme')} htmlFor="enroll-scheme" rules={[required(t('persons.scheme'))]}>
        <Select id="enroll-scheme" data-testid="enroll-scheme" options={[
          { value: 'RESIDENT', label: t('register.resident') }, { value: 'EMPLOYEE', label: t('register.employee') }]} />
      </Form.Item>
      <Form.Item name="personType" label={t('persons.personType')} htmlFor="enroll-person-type" dependencies={['scheme']}
        rules={[required(t('persons.personType')), ({ getFieldValue }) => ({
          validator: (_, v: PersonType | undefined) => !v || PERSON_TYPES[getFieldValue('scheme') as Scheme]?.includes(v)
            ? Promise.resolve() : Promise.reject(new Error(t('validation.required', { label: t('persons.personType') }))),
        })]}>
        <Select id="enroll-person-type" data-testid="enroll-person-type"
          options={PERSON_TYPES[scheme].map((v) => ({ value: v, label: typeLabel[v] }))} />
      </Form.Item>
      <Form.Item name="tier" label={t('persons.tier')} htmlFor="enroll-tier" dependencies={['scheme']} required={employee}
        rules={[({ getFieldValue }) => ({ required: getFieldValue('scheme') === 'EMPLOYEE', message: t('validation.required', { label: t('persons.tier') }) })]}>
        <Select id="enroll-tier" allowClear disabled={!employee} options={e.options('tier', ['EMPLOYER', 'INDIVIDUAL_TIER_1', 'INDIVIDUAL_TIER_2'])} />
      </Form.Item>
      <Form.Item name="effectiveFrom" label={t('persons.effectiveFrom')} htmlFor="enroll-from">
        <DatePicker id="enroll-from" />
      </Form.Item>
      <Form.Item name="wageBase" label={t('register.wageBase')} htmlFor="enroll-wage" dependencies={['scheme', 'personType']}
        required={employee && personType === 'EMPLOYEE_ACTIVE'}
        rules={[
          ({ getFieldValue }) => ({
            required: getFieldValue('scheme') === 'EMPLOYEE' && getFieldValue('personType') === 'EMPLOYEE_ACTIVE',
            message: t('validation.required', { label: t('register.wageBase') }),
          }),
          moneyRule(t('validation.money')),
        ]}>
        <Input id="enroll-wage" inputMode="decimal" disabled={!employee} />
      </Form.Item>
      <ProblemAlert error={enroll.error} />
      <Space>
        <Button type="primary" htmlType="submit" loading={enroll.submitting} data-testid="enroll-submit">{t('register.enroll')}</Button>
      </Space>
    </Form>
  );
}
