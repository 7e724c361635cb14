/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation CreateField($input: FieldCreateInput!) {\n    createField(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n": typeof types.CreateFieldDocument,
    "\n  query ExportManifest {\n    exportManifest\n  }\n": typeof types.ExportManifestDocument,
    "\n  mutation PlanManifest($manifest: JSON!) {\n    applyManifest(manifest: $manifest, dryRun: true) {\n      applied\n      changes\n      destructive\n    }\n  }\n": typeof types.PlanManifestDocument,
    "\n  mutation DeleteField($object: String!, $name: String!) {\n    deleteField(object: $object, name: $name) {\n      applied\n      revision\n      changes\n    }\n  }\n": typeof types.DeleteFieldDocument,
    "\n  mutation CreateObject($input: ObjectInput!) {\n    createObject(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n": typeof types.CreateObjectDocument,
    "\n  query Revisions {\n    revisions(first: 50) {\n      number\n      createdAt\n      actor\n      summary\n      changes\n    }\n    users {\n      id\n      name\n      email\n    }\n  }\n": typeof types.RevisionsDocument,
    "\n  mutation Revert($revision: Int!) {\n    revert(revision: $revision) {\n      applied\n      revision\n      changes\n    }\n  }\n": typeof types.RevertDocument,
    "\n  query ObjectFields($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      label(locale: $locale)\n      fields {\n        name\n        type\n        required\n        system\n        settings\n        label(locale: $locale)\n      }\n    }\n    objects {\n      name\n      label(locale: $locale)\n    }\n  }\n": typeof types.ObjectFieldsDocument,
    "\n  query Objects($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n      fields {\n        name\n      }\n    }\n  }\n": typeof types.ObjectsDocument,
    "\n  query Users {\n    users {\n      id\n      email\n      name\n      roles\n      active\n      lastLoginAt\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query Roles {\n    roles {\n      name\n      label\n      description\n      rules\n    }\n  }\n": typeof types.RolesDocument,
    "\n  query Workflows {\n    workflows {\n      name\n      label\n      active\n      trigger\n    }\n  }\n": typeof types.WorkflowsDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      workspace\n    }\n  }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  mutation CreateField($input: FieldCreateInput!) {\n    createField(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n": types.CreateFieldDocument,
    "\n  query ExportManifest {\n    exportManifest\n  }\n": types.ExportManifestDocument,
    "\n  mutation PlanManifest($manifest: JSON!) {\n    applyManifest(manifest: $manifest, dryRun: true) {\n      applied\n      changes\n      destructive\n    }\n  }\n": types.PlanManifestDocument,
    "\n  mutation DeleteField($object: String!, $name: String!) {\n    deleteField(object: $object, name: $name) {\n      applied\n      revision\n      changes\n    }\n  }\n": types.DeleteFieldDocument,
    "\n  mutation CreateObject($input: ObjectInput!) {\n    createObject(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n": types.CreateObjectDocument,
    "\n  query Revisions {\n    revisions(first: 50) {\n      number\n      createdAt\n      actor\n      summary\n      changes\n    }\n    users {\n      id\n      name\n      email\n    }\n  }\n": types.RevisionsDocument,
    "\n  mutation Revert($revision: Int!) {\n    revert(revision: $revision) {\n      applied\n      revision\n      changes\n    }\n  }\n": types.RevertDocument,
    "\n  query ObjectFields($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      label(locale: $locale)\n      fields {\n        name\n        type\n        required\n        system\n        settings\n        label(locale: $locale)\n      }\n    }\n    objects {\n      name\n      label(locale: $locale)\n    }\n  }\n": types.ObjectFieldsDocument,
    "\n  query Objects($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n      fields {\n        name\n      }\n    }\n  }\n": types.ObjectsDocument,
    "\n  query Users {\n    users {\n      id\n      email\n      name\n      roles\n      active\n      lastLoginAt\n    }\n  }\n": types.UsersDocument,
    "\n  query Roles {\n    roles {\n      name\n      label\n      description\n      rules\n    }\n  }\n": types.RolesDocument,
    "\n  query Workflows {\n    workflows {\n      name\n      label\n      active\n      trigger\n    }\n  }\n": types.WorkflowsDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      workspace\n    }\n  }\n": types.MeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateField($input: FieldCreateInput!) {\n    createField(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n"): (typeof documents)["\n  mutation CreateField($input: FieldCreateInput!) {\n    createField(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportManifest {\n    exportManifest\n  }\n"): (typeof documents)["\n  query ExportManifest {\n    exportManifest\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanManifest($manifest: JSON!) {\n    applyManifest(manifest: $manifest, dryRun: true) {\n      applied\n      changes\n      destructive\n    }\n  }\n"): (typeof documents)["\n  mutation PlanManifest($manifest: JSON!) {\n    applyManifest(manifest: $manifest, dryRun: true) {\n      applied\n      changes\n      destructive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteField($object: String!, $name: String!) {\n    deleteField(object: $object, name: $name) {\n      applied\n      revision\n      changes\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteField($object: String!, $name: String!) {\n    deleteField(object: $object, name: $name) {\n      applied\n      revision\n      changes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateObject($input: ObjectInput!) {\n    createObject(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n"): (typeof documents)["\n  mutation CreateObject($input: ObjectInput!) {\n    createObject(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Revisions {\n    revisions(first: 50) {\n      number\n      createdAt\n      actor\n      summary\n      changes\n    }\n    users {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query Revisions {\n    revisions(first: 50) {\n      number\n      createdAt\n      actor\n      summary\n      changes\n    }\n    users {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Revert($revision: Int!) {\n    revert(revision: $revision) {\n      applied\n      revision\n      changes\n    }\n  }\n"): (typeof documents)["\n  mutation Revert($revision: Int!) {\n    revert(revision: $revision) {\n      applied\n      revision\n      changes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObjectFields($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      label(locale: $locale)\n      fields {\n        name\n        type\n        required\n        system\n        settings\n        label(locale: $locale)\n      }\n    }\n    objects {\n      name\n      label(locale: $locale)\n    }\n  }\n"): (typeof documents)["\n  query ObjectFields($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      label(locale: $locale)\n      fields {\n        name\n        type\n        required\n        system\n        settings\n        label(locale: $locale)\n      }\n    }\n    objects {\n      name\n      label(locale: $locale)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Objects($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n      fields {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Objects($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n      fields {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users {\n      id\n      email\n      name\n      roles\n      active\n      lastLoginAt\n    }\n  }\n"): (typeof documents)["\n  query Users {\n    users {\n      id\n      email\n      name\n      roles\n      active\n      lastLoginAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    roles {\n      name\n      label\n      description\n      rules\n    }\n  }\n"): (typeof documents)["\n  query Roles {\n    roles {\n      name\n      label\n      description\n      rules\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workflows {\n    workflows {\n      name\n      label\n      active\n      trigger\n    }\n  }\n"): (typeof documents)["\n  query Workflows {\n    workflows {\n      name\n      label\n      active\n      trigger\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      name\n      workspace\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      email\n      name\n      workspace\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;