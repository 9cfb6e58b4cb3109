/** Tenants the tests create, defined once. */

/** An Acme creditor tenant with a sender on every channel (`PUT /v1/tenants/acme`). */
export const ACME_TENANT = {
  name: 'Acme Bank',
  kind: 'creditor',
  senders: {
    sms: { from: '+14155550001' },
    voice: { from: '+14155550001' },
    email: { from: 'Acme Bank <billing@acme.example>' },
  },
};
