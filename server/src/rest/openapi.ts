import {
  fieldLabel,
  fieldValueType,
  isComputedField,
  objectLabel,
  relationKind,
  type FieldTypeRegistry,
  type Model,
  type ObjectDef,
} from '@stratum/runtime';

type Schema = Record<string, unknown>;

/**
 * An OpenAPI 3.1 document for the REST face, generated from the model: one schema per object (from each
 * field type's JSON Schema) and the list, read, create, update, delete and restore paths.
 */
export function openApiDocument(model: Model, types: FieldTypeRegistry): Schema {
  const schemas: Record<string, Schema> = {
    Error: {
      type: 'object',
      properties: {
        error: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            message: { type: 'string' },
            problems: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  path: { type: 'string' },
                  message: { type: 'string' },
                  rule: { type: 'string', description: 'The validation rule the input failed, if that is the problem' },
                },
              },
            },
          },
        },
      },
    },
    PageInfo: {
      type: 'object',
      properties: { hasNextPage: { type: 'boolean' }, endCursor: { type: ['string', 'null'] } },
    },
  };
  const paths: Record<string, Schema> = {};
  for (const object of model.objects) {
    const name = schemaName(object);
    schemas[name] = recordSchema(model, object, types, false);
    schemas[`${name}Input`] = recordSchema(model, object, types, true);
    const ref = { $ref: `#/components/schemas/${name}` };
    const input = { $ref: `#/components/schemas/${name}Input` };
    const one = { content: { 'application/json': { schema: { type: 'object', properties: { data: ref } } } } };
    const errors = {
      '400': errorResponse('Bad input'),
      '401': errorResponse('Not authenticated'),
      '404': errorResponse('Not found'),
      '409': errorResponse('Conflict'),
    };
    const tag = [objectLabel(object)];
    paths[`/api/${object.pluralName}`] = {
      get: {
        tags: tag,
        summary: `List ${object.pluralName}`,
        parameters: [
          query('filter', 'A filter as JSON, e.g. {"name":{"startsWith":"A"}}'),
          query('orderBy', 'Fields to sort by, `-` for descending: -amount,name'),
          query('first', 'Page size (at most 500, default 50)', 'integer'),
          query('after', 'The endCursor of the previous page'),
          query('search', 'Full-text search over searchable fields'),
          query('totalCount', 'Also count all matching records', 'boolean'),
        ],
        responses: {
          '200': {
            description: 'A page',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: { type: 'array', items: ref },
                    pageInfo: { $ref: '#/components/schemas/PageInfo' },
                    totalCount: { type: 'integer' },
                  },
                },
              },
            },
          },
          ...errors,
        },
      },
      post: {
        tags: tag,
        summary: `Create one ${object.name} (an object) or many (a list)`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { oneOf: [input, { type: 'array', items: input }] } } },
        },
        responses: { '201': { description: 'Created', ...one }, ...errors },
      },
      patch: {
        tags: tag,
        summary: `Update many ${object.pluralName}`,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { id: { type: 'string', format: 'uuid' }, data: input },
                  required: ['id', 'data'],
                },
              },
            },
          },
        },
        responses: { '200': { description: 'Updated' }, ...errors },
      },
    };
    const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
    paths[`/api/${object.pluralName}/{id}`] = {
      get: {
        tags: tag,
        summary: `Read one ${object.name}`,
        parameters: [id],
        responses: { '200': { description: 'The record', ...one }, ...errors },
      },
      patch: {
        tags: tag,
        summary: `Update one ${object.name}`,
        parameters: [id],
        requestBody: { required: true, content: { 'application/json': { schema: input } } },
        responses: { '200': { description: 'Updated', ...one }, ...errors },
      },
      delete: {
        tags: tag,
        summary: `Delete one ${object.name} (soft; restorable)`,
        parameters: [id],
        responses: { '200': { description: 'Deleted', ...one }, ...errors },
      },
    };
    paths[`/api/${object.pluralName}/{id}/restore`] = {
      post: {
        tags: tag,
        summary: `Restore a deleted ${object.name}`,
        parameters: [id],
        responses: { '200': { description: 'Restored', ...one }, ...errors },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Stratum REST API',
      version: String(model.revision),
      description: 'Generated from metadata revision ' + model.revision,
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas },
    security: [{ bearer: [] }],
    paths,
  };
}

const schemaName = (object: ObjectDef) => object.name.charAt(0).toUpperCase() + object.name.slice(1);

function recordSchema(model: Model, object: ObjectDef, types: FieldTypeRegistry, input: boolean): Schema {
  const properties: Record<string, Schema> = input
    ? { owner: { type: 'string', format: 'uuid' } }
    : {
        id: { type: 'string', format: 'uuid' },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
        createdBy: { type: ['string', 'null'], format: 'uuid' },
        owner: { type: ['string', 'null'], format: 'uuid' },
      };
  const required: string[] = [];
  for (const field of object.fields) {
    const computed = isComputedField(types, field);
    if (field.columns.length === 0 && !computed && !(field.type === 'relation' && relationKind(field) === 'manyToMany'))
      continue;
    if (input && (field.type === 'autonumber' || computed)) continue;
    properties[field.name] = {
      title: fieldLabel(field),
      ...(field.description ? { description: field.description } : {}),
      // Formulas and rollups read as their result type, and are never written.
      ...fieldValueType(model, types, object.name, field).jsonSchema(field),
      ...(computed ? { readOnly: true } : {}),
    };
    if (input && field.required && field.default === undefined) required.push(field.name);
  }
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    ...(input ? { additionalProperties: false } : {}),
  };
}

function query(name: string, description: string, type = 'string'): Schema {
  return { name, in: 'query', required: false, description, schema: { type } };
}

function errorResponse(description: string): Schema {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}
