/** A small CRM whose leads convert into a company, a contact and an optional deal (the sales-crm shape). */
const select = (...options: string[]) => ({ type: 'select', options });
export const conversionManifest = {
  objects: [
    {
      name: 'company',
      pluralName: 'companies',
      titleField: 'name',
      fields: [{ name: 'name', type: 'text', required: true }],
    },
    {
      name: 'contact',
      pluralName: 'contacts',
      titleField: 'lastName',
      fields: [
        { name: 'firstName', type: 'text' },
        { name: 'lastName', type: 'text', required: true },
        { name: 'email', type: 'email', unique: true },
        { name: 'company', type: 'relation', target: 'company' },
      ],
    },
    {
      name: 'deal',
      pluralName: 'deals',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'amount', type: 'currency' },
        { name: 'source', ...select('web', 'event') },
        { name: 'company', type: 'relation', target: 'company' },
        { name: 'contact', type: 'relation', target: 'contact' },
        { name: 'lead', type: 'relation', target: 'lead' },
      ],
    },
    {
      name: 'lead',
      pluralName: 'leads',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'firstName', type: 'text' },
        { name: 'lastName', type: 'text' },
        { name: 'email', type: 'email' },
        { name: 'companyName', type: 'text' },
        { name: 'budget', type: 'currency' },
        { name: 'source', ...select('web', 'event') },
        { name: 'status', ...select('new', 'converted'), default: 'new' },
      ],
      conversion: {
        targets: [
          { key: 'company', object: 'company', fields: { name: 'companyName' }, match: 'name' },
          {
            key: 'contact',
            object: 'contact',
            fields: { firstName: 'firstName', lastName: 'lastName', email: 'email', company: '$company' },
            match: 'email',
          },
          {
            key: 'deal',
            object: 'deal',
            optional: true,
            fields: {
              name: 'title',
              amount: 'budget',
              source: 'source',
              company: '$company',
              contact: '$contact',
              lead: '$source',
            },
          },
        ],
        update: { status: 'converted' },
      },
    },
  ],
};
