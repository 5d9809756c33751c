import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { enrollment } from '../api/clients';
import { unwrap } from '../api/problem';
import type { components } from '../api/generated/enrollment';
import type { PersonView } from '../api/schemas';
import { ProblemAlert } from '../components/common';
import { EnrollForm } from '../components/EnrollForm';
import { useProblemSubmit } from '../components/ProblemForm';

type Register = components['schemas']['RegisterPersonRequest'];

/**
 * An enrollment clerk registers a person (POST /api/enrollment/persons) and enrolls them for a year
 * (POST /api/enrollment/enrollments), then goes to the person's page. The service checks every field
 * (the resident id's check digit among them); its refusals are shown next to the fields. A person registered
 * before (409) is not a dead end: the wizard shows who is registered under the id and goes on to enrollment.
 */
export default function RegisterPerson() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [registered, setRegistered] = useState<string>();
  const [existing, setExisting] = useState<PersonView>();
  const [registerForm] = Form.useForm<Register>();
  const register = useProblemSubmit(registerForm,
    async (v: Register): Promise<{ personId: string; person: PersonView; existed: boolean }> => {
      const personId = v.personId.trim();
      const r = await enrollment.POST('/api/enrollment/persons', { body: { ...v, personId } });
      if (r.response.status === 409) {
        // Already registered: read who is registered under the id; any other conflict stays an error.
        const found = await enrollment.GET('/api/enrollment/persons/{personId}', { params: { path: { personId } } });
        if (found.response.ok && found.data) return { personId, person: found.data, existed: true };
        unwrap(r);
      }
      return { personId, person: unwrap(r), existed: false };
    },
    ({ personId, person, existed }) => {
      setExisting(existed ? person : undefined);
      setRegistered(personId);
    });

  return (
    <Card title={t('register.title')} data-testid="register-person">
      <Steps size="small" current={registered ? 1 : 0} style={{ marginBottom: 16 }}
        items={[{ title: t('register.register') }, { title: t('register.enroll') }]} />
      {!registered ? (
        <Form key="register" form={registerForm} layout="vertical" onFinish={register.submit} onValuesChange={register.revalidate} style={{ maxWidth: 480 }}>
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
        <>
          {existing && (
            <Alert type="info" showIcon style={{ marginBottom: 16, maxWidth: 480 }} data-testid="register-existing"
              message={t('register.alreadyRegistered', { name: existing.name ?? '', region: existing.regionCode ?? '' })} />
          )}
          <EnrollForm key="enroll" personId={registered} onDone={() => navigate(`/persons/${encodeURIComponent(registered)}`)} />
        </>
      )}
    </Card>
  );
}
