import type { ObjectDef } from '@stratum/runtime';

/**
 * GraphQL names derived from metadata, exactly as CONTRACT.md spells them: object `property` with plural
 * `properties` → type `Property`, queries `property` / `properties`, mutations `createProperty` …
 */
export const typeName = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

export function objectNames(object: ObjectDef) {
  const type = typeName(object.name);
  const plural = typeName(object.pluralName);
  return {
    type,
    connection: `${type}Connection`,
    edge: `${type}Edge`,
    filter: `${type}Filter`,
    orderBy: `${type}OrderBy`,
    orderField: `${type}OrderField`,
    createInput: `${type}CreateInput`,
    updateInput: `${type}UpdateInput`,
    updateManyInput: `${type}UpdateManyInput`,
    groupBy: `${type}GroupBy`,
    groupField: `${type}GroupField`,
    aggregateGroup: `${type}AggregateGroup`,
    numbers: `${type}Numbers`,
    one: object.name,
    many: object.pluralName,
    aggregate: `${object.pluralName}Aggregate`,
    create: `create${type}`,
    createMany: `create${plural}`,
    update: `update${type}`,
    updateMany: `update${plural}`,
    delete: `delete${type}`,
    deleteMany: `delete${plural}`,
    restore: `restore${type}`,
  };
}
