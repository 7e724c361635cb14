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
    "\n  mutation CreateApiKey($name: String!, $roles: [String!]!) {\n    createApiKey(name: $name, roles: $roles) {\n      id\n      name\n      roles\n      key\n      createdAt\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query People {\n    users {\n      id\n      email\n      name\n      roles\n      active\n      lastLoginAt\n    }\n    teams {\n      id\n      name\n      leadId\n      memberIds\n    }\n    apiKeys {\n      id\n      name\n      roles\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n    roles {\n      name\n      label\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  mutation SaveRole($input: JSON!) {\n    saveRole(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n": typeof types.SaveRoleDocument,
    "\n  mutation DeleteRole($name: String!) {\n    deleteRole(name: $name) {\n      applied\n      revision\n    }\n  }\n": typeof types.DeleteRoleDocument,
    "\n  query RoleEditor($locale: String) {\n    roles {\n      name\n      label\n      description\n      rules\n    }\n    objects {\n      name\n      label(locale: $locale)\n      fields(includeSystem: true) {\n        name\n        type\n        label(locale: $locale)\n        settings\n      }\n    }\n  }\n": typeof types.RoleEditorDocument,
    "\n  query Roles {\n    roles {\n      name\n      label\n      description\n      rules\n    }\n  }\n": typeof types.RolesDocument,
    "\n  mutation SaveTeam($input: TeamInput!) {\n    saveTeam(input: $input) {\n      id\n      name\n      leadId\n      memberIds\n    }\n  }\n": typeof types.SaveTeamDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      name\n      roles\n      active\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      email\n      name\n      roles\n      active\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    updateUser(id: $id, input: { active: true }) {\n      id\n      active\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  query PeopleImportRoles {\n    roles {\n      name\n      label\n    }\n  }\n": typeof types.PeopleImportRolesDocument,
    "\n  mutation ImportPeople($input: PeopleImportInput!) {\n    importPeople(input: $input) {\n      dryRun\n      committed\n      created\n      joined\n      existing\n      teams\n      errors {\n        row\n        column\n        value\n        code\n        message\n      }\n    }\n  }\n": typeof types.ImportPeopleDocument,
    "\n  mutation DeleteField($object: String!, $name: String!, $dryRun: Boolean) {\n    deleteField(object: $object, name: $name, dryRun: $dryRun) {\n      ...PlanFields\n    }\n  }\n": typeof types.DeleteFieldDocument,
    "\n  mutation DeleteObject($name: String!, $dryRun: Boolean) {\n    deleteObject(name: $name, dryRun: $dryRun) {\n      ...PlanFields\n    }\n  }\n": typeof types.DeleteObjectDocument,
    "\n  mutation CreateField($input: FieldCreateInput!) {\n    createField(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n": typeof types.CreateFieldDocument,
    "\n  mutation UpdateField(\n    $object: String!\n    $name: String!\n    $input: FieldUpdateInput!\n    $dryRun: Boolean\n    $allowDestructive: Boolean\n  ) {\n    updateField(object: $object, name: $name, input: $input, dryRun: $dryRun, allowDestructive: $allowDestructive) {\n      applied\n      revision\n      changes\n      destructive\n    }\n  }\n": typeof types.UpdateFieldDocument,
    "\n  query CheckFormula($object: String!, $expression: String!, $resultType: String, $currency: String, $field: String) {\n    checkFormula(\n      object: $object\n      expression: $expression\n      resultType: $resultType\n      currency: $currency\n      field: $field\n    ) {\n      ok\n      type\n      problems {\n        path\n        message\n        position\n      }\n    }\n  }\n": typeof types.CheckFormulaDocument,
    "\n  mutation CreateObject($input: ObjectInput!) {\n    createObject(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n": typeof types.CreateObjectDocument,
    "\n  mutation UpdateObject($name: String!, $input: ObjectUpdateInput!, $dryRun: Boolean) {\n    updateObject(name: $name, input: $input, dryRun: $dryRun) {\n      ...PlanFields\n    }\n  }\n": typeof types.UpdateObjectDocument,
    "\n  fragment PlanFields on ManifestPlan {\n    applied\n    revision\n    changes\n    destructive\n  }\n": typeof types.PlanFieldsFragmentDoc,
    "\n  query ValidationRules($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      validationRules\n      fields {\n        name\n        type\n        label(locale: $locale)\n        settings\n        system\n      }\n    }\n  }\n": typeof types.ValidationRulesDocument,
    "\n  mutation SaveValidationRules($name: String!, $rules: JSON, $dryRun: Boolean) {\n    updateObject(name: $name, input: { validationRules: $rules }, dryRun: $dryRun) {\n      applied\n      revision\n      changes\n    }\n  }\n": typeof types.SaveValidationRulesDocument,
    "\n  query FieldTypes {\n    fieldTypes {\n      name\n      computed\n      settings\n      operators\n    }\n  }\n": typeof types.FieldTypesDocument,
    "\n  query LayoutObjects($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n    }\n  }\n": typeof types.LayoutObjectsDocument,
    "\n  query FormLayout($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      label(locale: $locale)\n      layout\n      fields {\n        name\n        type\n        label(locale: $locale)\n        required\n        settings\n        jsonSchema\n      }\n    }\n  }\n": typeof types.FormLayoutDocument,
    "\n  mutation SaveFormLayout($name: String!, $layout: JSON) {\n    updateObject(name: $name, input: { layout: $layout }) {\n      applied\n      revision\n      changes\n    }\n  }\n": typeof types.SaveFormLayoutDocument,
    "\n  query ManifestExport {\n    exportManifest\n  }\n": typeof types.ManifestExportDocument,
    "\n  mutation ImportManifest($manifest: JSON!, $dryRun: Boolean, $allowDestructive: Boolean) {\n    applyManifest(manifest: $manifest, dryRun: $dryRun, allowDestructive: $allowDestructive) {\n      ...PlanFields\n    }\n  }\n": typeof types.ImportManifestDocument,
    "\n  query Revisions {\n    revisions(first: 50) {\n      number\n      createdAt\n      actor\n      summary\n      diff\n    }\n    users {\n      id\n      name\n      email\n    }\n  }\n": typeof types.RevisionsDocument,
    "\n  mutation Revert($revision: Int!) {\n    revert(revision: $revision) {\n      applied\n      revision\n      changes\n    }\n  }\n": typeof types.RevertDocument,
    "\n  query ObjectFields($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      pluralName\n      label(locale: $locale)\n      labels\n      description\n      titleField\n      fields {\n        name\n        type\n        required\n        unique\n        indexed\n        searchable\n        system\n        default\n        settings\n        description\n        labels\n        label(locale: $locale)\n      }\n    }\n    objects {\n      name\n      label(locale: $locale)\n      fields {\n        name\n        type\n        label(locale: $locale)\n        settings\n      }\n    }\n  }\n": typeof types.ObjectFieldsDocument,
    "\n  query Objects($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n      fields {\n        name\n      }\n    }\n  }\n": typeof types.ObjectsDocument,
    "\n  query PipelinesPage($locale: String) {\n    metadataRevision\n    objects {\n      name\n      pluralName\n      label(locale: $locale)\n      fields {\n        name\n        type\n        settings\n      }\n    }\n    pipelines {\n      object\n      field\n      label(locale: $locale)\n      labels\n      stages {\n        name\n        labels\n        probability\n        won\n        lost\n        color\n      }\n    }\n  }\n": typeof types.PipelinesPageDocument,
    "\n  mutation SavePipeline($input: JSON!, $dryRun: Boolean, $allowDestructive: Boolean) {\n    savePipeline(input: $input, dryRun: $dryRun, allowDestructive: $allowDestructive) {\n      applied\n      revision\n      changes\n      destructive\n    }\n  }\n": typeof types.SavePipelineDocument,
    "\n  mutation DeletePipeline($object: String!, $field: String!) {\n    deletePipeline(object: $object, field: $field) {\n      applied\n      revision\n    }\n  }\n": typeof types.DeletePipelineDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      workspace\n      roles\n    }\n  }\n": typeof types.MeDocument,
    "\n  query Workflows {\n    workflows {\n      name\n      label\n      active\n      trigger\n    }\n  }\n": typeof types.WorkflowsDocument,
    "\n  query Workflow($name: String!) {\n    workflow(name: $name) {\n      name\n      active\n      webhookPath\n      definition\n      versions {\n        version\n        createdAt\n        definition\n      }\n    }\n  }\n": typeof types.WorkflowDocument,
    "\n  query WorkflowStepTypes {\n    workflowStepTypes\n  }\n": typeof types.WorkflowStepTypesDocument,
    "\n  query WorkflowObjects {\n    objects {\n      name\n      label\n      pluralName\n      titleField\n    }\n  }\n": typeof types.WorkflowObjectsDocument,
    "\n  query TriggerObject($name: String!) {\n    object(name: $name) {\n      name\n      pluralName\n      titleField\n      fields {\n        name\n        label\n        type\n      }\n    }\n  }\n": typeof types.TriggerObjectDocument,
    "\n  mutation CreateWorkflow($input: JSON!) {\n    createWorkflow(input: $input) {\n      applied\n      revision\n    }\n  }\n": typeof types.CreateWorkflowDocument,
    "\n  mutation UpdateWorkflow($name: String!, $input: JSON!) {\n    updateWorkflow(name: $name, input: $input) {\n      applied\n      revision\n    }\n  }\n": typeof types.UpdateWorkflowDocument,
    "\n  mutation ActivateWorkflow($name: String!) {\n    activateWorkflow(name: $name) {\n      applied\n      revision\n    }\n  }\n": typeof types.ActivateWorkflowDocument,
    "\n  mutation DeactivateWorkflow($name: String!) {\n    deactivateWorkflow(name: $name) {\n      applied\n      revision\n    }\n  }\n": typeof types.DeactivateWorkflowDocument,
    "\n  mutation DeleteWorkflow($name: String!) {\n    deleteWorkflow(name: $name) {\n      applied\n      revision\n    }\n  }\n": typeof types.DeleteWorkflowDocument,
    "\n  mutation CancelWorkflowRun($id: ID!) {\n    cancelWorkflowRun(id: $id) {\n      ...RunFields\n    }\n  }\n": typeof types.CancelWorkflowRunDocument,
    "\n  query WorkflowRuns($workflow: String!, $first: Int) {\n    workflowRuns(workflow: $workflow, first: $first) {\n      ...RunFields\n    }\n  }\n": typeof types.WorkflowRunsDocument,
    "\n  fragment RunFields on WorkflowRun {\n    id\n    version\n    status\n    test\n    error\n    startedAt\n    finishedAt\n    steps {\n      id\n      seq\n      type\n      status\n      input\n      output\n      error\n      meta\n      startedAt\n      finishedAt\n      durationMs\n    }\n  }\n": typeof types.RunFieldsFragmentDoc,
    "\n  mutation TestWorkflow($name: String!, $recordId: ID) {\n    testWorkflow(name: $name, recordId: $recordId) {\n      ...RunFields\n    }\n  }\n": typeof types.TestWorkflowDocument,
    "\n  query MyApprovals($all: Boolean) {\n    myApprovals(all: $all) {\n      id\n      runId\n      workflow\n      workflowLabel\n      stepId\n      stepLabel\n      message\n      userId\n      role\n      roleLabel\n      record {\n        object\n        id\n        title\n        readable\n      }\n      assignedAt\n      dueAt\n    }\n  }\n": typeof types.MyApprovalsDocument,
    "\n  mutation DecideApproval($id: ID!, $approve: Boolean!, $comment: String) {\n    decideApproval(id: $id, approve: $approve, comment: $comment) {\n      id\n      status\n      comment\n    }\n  }\n": typeof types.DecideApprovalDocument,
    "\n  query DashboardTeams {\n    teams {\n      id\n      name\n      leadId\n      memberIds\n    }\n  }\n": typeof types.DashboardTeamsDocument,
    "\n  query DashboardStageDurations($object: String!, $field: String!, $filter: JSON, $since: DateTime) {\n    stageDurations(object: $object, field: $field, filter: $filter, since: $since) {\n      stage\n      records\n      averageSeconds\n    }\n  }\n": typeof types.DashboardStageDurationsDocument,
    "\n  fragment SavedViewFields on View {\n    id\n    object\n    name\n    filter\n    sort {\n      field\n      direction\n    }\n    search\n    columns\n    shared\n    editable\n  }\n": typeof types.SavedViewFieldsFragmentDoc,
    "\n  query ListViews($object: String!) {\n    views(object: $object) {\n      ...SavedViewFields\n    }\n    canShareViews(object: $object)\n  }\n": typeof types.ListViewsDocument,
    "\n  mutation SaveListView($input: ViewInput!) {\n    saveView(input: $input) {\n      ...SavedViewFields\n    }\n  }\n": typeof types.SaveListViewDocument,
    "\n  mutation DeleteListView($id: ID!) {\n    deleteView(id: $id)\n  }\n": typeof types.DeleteListViewDocument,
    "\n  query MyNotifications($first: Int) {\n    myNotifications(first: $first) {\n      nodes {\n        id\n        title\n        body\n        object\n        recordId\n        approvalId\n        createdAt\n        readAt\n      }\n      unreadCount\n    }\n  }\n": typeof types.MyNotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query RecordManualWorkflows($object: String!, $recordId: ID) {\n    manualWorkflows(object: $object, recordId: $recordId) {\n      name\n      label\n    }\n  }\n": typeof types.RecordManualWorkflowsDocument,
    "\n  mutation RecordRunWorkflow($name: String!, $recordId: ID) {\n    runWorkflow(name: $name, recordId: $recordId) {\n      id\n      status\n    }\n  }\n": typeof types.RecordRunWorkflowDocument,
    "\n  query RecordWorkflowRunStatus($id: ID!) {\n    workflowRun(id: $id) {\n      id\n      status\n      error\n    }\n  }\n": typeof types.RecordWorkflowRunStatusDocument,
    "\n  query ObjectConversion($object: String!) {\n    object(name: $object) {\n      name\n      conversion\n    }\n  }\n": typeof types.ObjectConversionDocument,
    "\n  query ConversionPreview($object: String!, $id: ID!) {\n    conversionPreview(object: $object, id: $id) {\n      converted\n      targets {\n        key\n        object\n        optional\n        canCreate\n        data\n        references\n        matches\n      }\n    }\n  }\n": typeof types.ConversionPreviewDocument,
    "\n  mutation ConvertRecord($object: String!, $id: ID!, $targets: [ConversionChoiceInput!]!) {\n    convertRecord(object: $object, id: $id, targets: $targets) {\n      id\n      targets {\n        key\n        object\n        id\n        created\n      }\n    }\n  }\n": typeof types.ConvertRecordDocument,
    "\n  query RecordTimelineHistory($object: String!, $id: ID!, $first: Int!, $after: String) {\n    recordHistory(object: $object, id: $id, first: $first, after: $after) {\n      field\n      oldValue\n      newValue\n      at\n      cursor\n      actor {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.RecordTimelineHistoryDocument,
    "\n  query RecordTimelineRuns($id: ID!, $first: Int!, $after: ID) {\n    workflowRuns(recordId: $id, first: $first, after: $after) {\n      id\n      workflow\n      workflowLabel\n      status\n      error\n      startedAt\n    }\n  }\n": typeof types.RecordTimelineRunsDocument,
    "\n  query SearchableFields {\n    objects {\n      name\n      fields(includeSystem: true) {\n        name\n        searchable\n      }\n    }\n  }\n": typeof types.SearchableFieldsDocument,
    "\n  query WorkspaceModel($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n      labelPlural(locale: $locale)\n      pluralName\n      titleField\n      api\n      layout\n      permissions {\n        create\n        update\n        delete\n      }\n      fields(includeSystem: true) {\n        name\n        label(locale: $locale)\n        type\n        required\n        default\n        system\n        settings\n        jsonSchema\n        graphqlType\n      }\n    }\n    pipelines {\n      object\n      field\n      label(locale: $locale)\n      stages {\n        name\n        label(locale: $locale)\n        probability\n        won\n        lost\n        color\n      }\n    }\n  }\n": typeof types.WorkspaceModelDocument,
};
const documents: Documents = {
    "\n  mutation CreateApiKey($name: String!, $roles: [String!]!) {\n    createApiKey(name: $name, roles: $roles) {\n      id\n      name\n      roles\n      key\n      createdAt\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n": types.RevokeApiKeyDocument,
    "\n  query People {\n    users {\n      id\n      email\n      name\n      roles\n      active\n      lastLoginAt\n    }\n    teams {\n      id\n      name\n      leadId\n      memberIds\n    }\n    apiKeys {\n      id\n      name\n      roles\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n    roles {\n      name\n      label\n    }\n  }\n": types.PeopleDocument,
    "\n  mutation SaveRole($input: JSON!) {\n    saveRole(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n": types.SaveRoleDocument,
    "\n  mutation DeleteRole($name: String!) {\n    deleteRole(name: $name) {\n      applied\n      revision\n    }\n  }\n": types.DeleteRoleDocument,
    "\n  query RoleEditor($locale: String) {\n    roles {\n      name\n      label\n      description\n      rules\n    }\n    objects {\n      name\n      label(locale: $locale)\n      fields(includeSystem: true) {\n        name\n        type\n        label(locale: $locale)\n        settings\n      }\n    }\n  }\n": types.RoleEditorDocument,
    "\n  query Roles {\n    roles {\n      name\n      label\n      description\n      rules\n    }\n  }\n": types.RolesDocument,
    "\n  mutation SaveTeam($input: TeamInput!) {\n    saveTeam(input: $input) {\n      id\n      name\n      leadId\n      memberIds\n    }\n  }\n": types.SaveTeamDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      name\n      roles\n      active\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      email\n      name\n      roles\n      active\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    updateUser(id: $id, input: { active: true }) {\n      id\n      active\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  query PeopleImportRoles {\n    roles {\n      name\n      label\n    }\n  }\n": types.PeopleImportRolesDocument,
    "\n  mutation ImportPeople($input: PeopleImportInput!) {\n    importPeople(input: $input) {\n      dryRun\n      committed\n      created\n      joined\n      existing\n      teams\n      errors {\n        row\n        column\n        value\n        code\n        message\n      }\n    }\n  }\n": types.ImportPeopleDocument,
    "\n  mutation DeleteField($object: String!, $name: String!, $dryRun: Boolean) {\n    deleteField(object: $object, name: $name, dryRun: $dryRun) {\n      ...PlanFields\n    }\n  }\n": types.DeleteFieldDocument,
    "\n  mutation DeleteObject($name: String!, $dryRun: Boolean) {\n    deleteObject(name: $name, dryRun: $dryRun) {\n      ...PlanFields\n    }\n  }\n": types.DeleteObjectDocument,
    "\n  mutation CreateField($input: FieldCreateInput!) {\n    createField(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n": types.CreateFieldDocument,
    "\n  mutation UpdateField(\n    $object: String!\n    $name: String!\n    $input: FieldUpdateInput!\n    $dryRun: Boolean\n    $allowDestructive: Boolean\n  ) {\n    updateField(object: $object, name: $name, input: $input, dryRun: $dryRun, allowDestructive: $allowDestructive) {\n      applied\n      revision\n      changes\n      destructive\n    }\n  }\n": types.UpdateFieldDocument,
    "\n  query CheckFormula($object: String!, $expression: String!, $resultType: String, $currency: String, $field: String) {\n    checkFormula(\n      object: $object\n      expression: $expression\n      resultType: $resultType\n      currency: $currency\n      field: $field\n    ) {\n      ok\n      type\n      problems {\n        path\n        message\n        position\n      }\n    }\n  }\n": types.CheckFormulaDocument,
    "\n  mutation CreateObject($input: ObjectInput!) {\n    createObject(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n": types.CreateObjectDocument,
    "\n  mutation UpdateObject($name: String!, $input: ObjectUpdateInput!, $dryRun: Boolean) {\n    updateObject(name: $name, input: $input, dryRun: $dryRun) {\n      ...PlanFields\n    }\n  }\n": types.UpdateObjectDocument,
    "\n  fragment PlanFields on ManifestPlan {\n    applied\n    revision\n    changes\n    destructive\n  }\n": types.PlanFieldsFragmentDoc,
    "\n  query ValidationRules($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      validationRules\n      fields {\n        name\n        type\n        label(locale: $locale)\n        settings\n        system\n      }\n    }\n  }\n": types.ValidationRulesDocument,
    "\n  mutation SaveValidationRules($name: String!, $rules: JSON, $dryRun: Boolean) {\n    updateObject(name: $name, input: { validationRules: $rules }, dryRun: $dryRun) {\n      applied\n      revision\n      changes\n    }\n  }\n": types.SaveValidationRulesDocument,
    "\n  query FieldTypes {\n    fieldTypes {\n      name\n      computed\n      settings\n      operators\n    }\n  }\n": types.FieldTypesDocument,
    "\n  query LayoutObjects($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n    }\n  }\n": types.LayoutObjectsDocument,
    "\n  query FormLayout($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      label(locale: $locale)\n      layout\n      fields {\n        name\n        type\n        label(locale: $locale)\n        required\n        settings\n        jsonSchema\n      }\n    }\n  }\n": types.FormLayoutDocument,
    "\n  mutation SaveFormLayout($name: String!, $layout: JSON) {\n    updateObject(name: $name, input: { layout: $layout }) {\n      applied\n      revision\n      changes\n    }\n  }\n": types.SaveFormLayoutDocument,
    "\n  query ManifestExport {\n    exportManifest\n  }\n": types.ManifestExportDocument,
    "\n  mutation ImportManifest($manifest: JSON!, $dryRun: Boolean, $allowDestructive: Boolean) {\n    applyManifest(manifest: $manifest, dryRun: $dryRun, allowDestructive: $allowDestructive) {\n      ...PlanFields\n    }\n  }\n": types.ImportManifestDocument,
    "\n  query Revisions {\n    revisions(first: 50) {\n      number\n      createdAt\n      actor\n      summary\n      diff\n    }\n    users {\n      id\n      name\n      email\n    }\n  }\n": types.RevisionsDocument,
    "\n  mutation Revert($revision: Int!) {\n    revert(revision: $revision) {\n      applied\n      revision\n      changes\n    }\n  }\n": types.RevertDocument,
    "\n  query ObjectFields($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      pluralName\n      label(locale: $locale)\n      labels\n      description\n      titleField\n      fields {\n        name\n        type\n        required\n        unique\n        indexed\n        searchable\n        system\n        default\n        settings\n        description\n        labels\n        label(locale: $locale)\n      }\n    }\n    objects {\n      name\n      label(locale: $locale)\n      fields {\n        name\n        type\n        label(locale: $locale)\n        settings\n      }\n    }\n  }\n": types.ObjectFieldsDocument,
    "\n  query Objects($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n      fields {\n        name\n      }\n    }\n  }\n": types.ObjectsDocument,
    "\n  query PipelinesPage($locale: String) {\n    metadataRevision\n    objects {\n      name\n      pluralName\n      label(locale: $locale)\n      fields {\n        name\n        type\n        settings\n      }\n    }\n    pipelines {\n      object\n      field\n      label(locale: $locale)\n      labels\n      stages {\n        name\n        labels\n        probability\n        won\n        lost\n        color\n      }\n    }\n  }\n": types.PipelinesPageDocument,
    "\n  mutation SavePipeline($input: JSON!, $dryRun: Boolean, $allowDestructive: Boolean) {\n    savePipeline(input: $input, dryRun: $dryRun, allowDestructive: $allowDestructive) {\n      applied\n      revision\n      changes\n      destructive\n    }\n  }\n": types.SavePipelineDocument,
    "\n  mutation DeletePipeline($object: String!, $field: String!) {\n    deletePipeline(object: $object, field: $field) {\n      applied\n      revision\n    }\n  }\n": types.DeletePipelineDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      workspace\n      roles\n    }\n  }\n": types.MeDocument,
    "\n  query Workflows {\n    workflows {\n      name\n      label\n      active\n      trigger\n    }\n  }\n": types.WorkflowsDocument,
    "\n  query Workflow($name: String!) {\n    workflow(name: $name) {\n      name\n      active\n      webhookPath\n      definition\n      versions {\n        version\n        createdAt\n        definition\n      }\n    }\n  }\n": types.WorkflowDocument,
    "\n  query WorkflowStepTypes {\n    workflowStepTypes\n  }\n": types.WorkflowStepTypesDocument,
    "\n  query WorkflowObjects {\n    objects {\n      name\n      label\n      pluralName\n      titleField\n    }\n  }\n": types.WorkflowObjectsDocument,
    "\n  query TriggerObject($name: String!) {\n    object(name: $name) {\n      name\n      pluralName\n      titleField\n      fields {\n        name\n        label\n        type\n      }\n    }\n  }\n": types.TriggerObjectDocument,
    "\n  mutation CreateWorkflow($input: JSON!) {\n    createWorkflow(input: $input) {\n      applied\n      revision\n    }\n  }\n": types.CreateWorkflowDocument,
    "\n  mutation UpdateWorkflow($name: String!, $input: JSON!) {\n    updateWorkflow(name: $name, input: $input) {\n      applied\n      revision\n    }\n  }\n": types.UpdateWorkflowDocument,
    "\n  mutation ActivateWorkflow($name: String!) {\n    activateWorkflow(name: $name) {\n      applied\n      revision\n    }\n  }\n": types.ActivateWorkflowDocument,
    "\n  mutation DeactivateWorkflow($name: String!) {\n    deactivateWorkflow(name: $name) {\n      applied\n      revision\n    }\n  }\n": types.DeactivateWorkflowDocument,
    "\n  mutation DeleteWorkflow($name: String!) {\n    deleteWorkflow(name: $name) {\n      applied\n      revision\n    }\n  }\n": types.DeleteWorkflowDocument,
    "\n  mutation CancelWorkflowRun($id: ID!) {\n    cancelWorkflowRun(id: $id) {\n      ...RunFields\n    }\n  }\n": types.CancelWorkflowRunDocument,
    "\n  query WorkflowRuns($workflow: String!, $first: Int) {\n    workflowRuns(workflow: $workflow, first: $first) {\n      ...RunFields\n    }\n  }\n": types.WorkflowRunsDocument,
    "\n  fragment RunFields on WorkflowRun {\n    id\n    version\n    status\n    test\n    error\n    startedAt\n    finishedAt\n    steps {\n      id\n      seq\n      type\n      status\n      input\n      output\n      error\n      meta\n      startedAt\n      finishedAt\n      durationMs\n    }\n  }\n": types.RunFieldsFragmentDoc,
    "\n  mutation TestWorkflow($name: String!, $recordId: ID) {\n    testWorkflow(name: $name, recordId: $recordId) {\n      ...RunFields\n    }\n  }\n": types.TestWorkflowDocument,
    "\n  query MyApprovals($all: Boolean) {\n    myApprovals(all: $all) {\n      id\n      runId\n      workflow\n      workflowLabel\n      stepId\n      stepLabel\n      message\n      userId\n      role\n      roleLabel\n      record {\n        object\n        id\n        title\n        readable\n      }\n      assignedAt\n      dueAt\n    }\n  }\n": types.MyApprovalsDocument,
    "\n  mutation DecideApproval($id: ID!, $approve: Boolean!, $comment: String) {\n    decideApproval(id: $id, approve: $approve, comment: $comment) {\n      id\n      status\n      comment\n    }\n  }\n": types.DecideApprovalDocument,
    "\n  query DashboardTeams {\n    teams {\n      id\n      name\n      leadId\n      memberIds\n    }\n  }\n": types.DashboardTeamsDocument,
    "\n  query DashboardStageDurations($object: String!, $field: String!, $filter: JSON, $since: DateTime) {\n    stageDurations(object: $object, field: $field, filter: $filter, since: $since) {\n      stage\n      records\n      averageSeconds\n    }\n  }\n": types.DashboardStageDurationsDocument,
    "\n  fragment SavedViewFields on View {\n    id\n    object\n    name\n    filter\n    sort {\n      field\n      direction\n    }\n    search\n    columns\n    shared\n    editable\n  }\n": types.SavedViewFieldsFragmentDoc,
    "\n  query ListViews($object: String!) {\n    views(object: $object) {\n      ...SavedViewFields\n    }\n    canShareViews(object: $object)\n  }\n": types.ListViewsDocument,
    "\n  mutation SaveListView($input: ViewInput!) {\n    saveView(input: $input) {\n      ...SavedViewFields\n    }\n  }\n": types.SaveListViewDocument,
    "\n  mutation DeleteListView($id: ID!) {\n    deleteView(id: $id)\n  }\n": types.DeleteListViewDocument,
    "\n  query MyNotifications($first: Int) {\n    myNotifications(first: $first) {\n      nodes {\n        id\n        title\n        body\n        object\n        recordId\n        approvalId\n        createdAt\n        readAt\n      }\n      unreadCount\n    }\n  }\n": types.MyNotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query RecordManualWorkflows($object: String!, $recordId: ID) {\n    manualWorkflows(object: $object, recordId: $recordId) {\n      name\n      label\n    }\n  }\n": types.RecordManualWorkflowsDocument,
    "\n  mutation RecordRunWorkflow($name: String!, $recordId: ID) {\n    runWorkflow(name: $name, recordId: $recordId) {\n      id\n      status\n    }\n  }\n": types.RecordRunWorkflowDocument,
    "\n  query RecordWorkflowRunStatus($id: ID!) {\n    workflowRun(id: $id) {\n      id\n      status\n      error\n    }\n  }\n": types.RecordWorkflowRunStatusDocument,
    "\n  query ObjectConversion($object: String!) {\n    object(name: $object) {\n      name\n      conversion\n    }\n  }\n": types.ObjectConversionDocument,
    "\n  query ConversionPreview($object: String!, $id: ID!) {\n    conversionPreview(object: $object, id: $id) {\n      converted\n      targets {\n        key\n        object\n        optional\n        canCreate\n        data\n        references\n        matches\n      }\n    }\n  }\n": types.ConversionPreviewDocument,
    "\n  mutation ConvertRecord($object: String!, $id: ID!, $targets: [ConversionChoiceInput!]!) {\n    convertRecord(object: $object, id: $id, targets: $targets) {\n      id\n      targets {\n        key\n        object\n        id\n        created\n      }\n    }\n  }\n": types.ConvertRecordDocument,
    "\n  query RecordTimelineHistory($object: String!, $id: ID!, $first: Int!, $after: String) {\n    recordHistory(object: $object, id: $id, first: $first, after: $after) {\n      field\n      oldValue\n      newValue\n      at\n      cursor\n      actor {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.RecordTimelineHistoryDocument,
    "\n  query RecordTimelineRuns($id: ID!, $first: Int!, $after: ID) {\n    workflowRuns(recordId: $id, first: $first, after: $after) {\n      id\n      workflow\n      workflowLabel\n      status\n      error\n      startedAt\n    }\n  }\n": types.RecordTimelineRunsDocument,
    "\n  query SearchableFields {\n    objects {\n      name\n      fields(includeSystem: true) {\n        name\n        searchable\n      }\n    }\n  }\n": types.SearchableFieldsDocument,
    "\n  query WorkspaceModel($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n      labelPlural(locale: $locale)\n      pluralName\n      titleField\n      api\n      layout\n      permissions {\n        create\n        update\n        delete\n      }\n      fields(includeSystem: true) {\n        name\n        label(locale: $locale)\n        type\n        required\n        default\n        system\n        settings\n        jsonSchema\n        graphqlType\n      }\n    }\n    pipelines {\n      object\n      field\n      label(locale: $locale)\n      stages {\n        name\n        label(locale: $locale)\n        probability\n        won\n        lost\n        color\n      }\n    }\n  }\n": types.WorkspaceModelDocument,
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
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $roles: [String!]!) {\n    createApiKey(name: $name, roles: $roles) {\n      id\n      name\n      roles\n      key\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!, $roles: [String!]!) {\n    createApiKey(name: $name, roles: $roles) {\n      id\n      name\n      roles\n      key\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People {\n    users {\n      id\n      email\n      name\n      roles\n      active\n      lastLoginAt\n    }\n    teams {\n      id\n      name\n      leadId\n      memberIds\n    }\n    apiKeys {\n      id\n      name\n      roles\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n    roles {\n      name\n      label\n    }\n  }\n"): (typeof documents)["\n  query People {\n    users {\n      id\n      email\n      name\n      roles\n      active\n      lastLoginAt\n    }\n    teams {\n      id\n      name\n      leadId\n      memberIds\n    }\n    apiKeys {\n      id\n      name\n      roles\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n    roles {\n      name\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveRole($input: JSON!) {\n    saveRole(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n"): (typeof documents)["\n  mutation SaveRole($input: JSON!) {\n    saveRole(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRole($name: String!) {\n    deleteRole(name: $name) {\n      applied\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteRole($name: String!) {\n    deleteRole(name: $name) {\n      applied\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleEditor($locale: String) {\n    roles {\n      name\n      label\n      description\n      rules\n    }\n    objects {\n      name\n      label(locale: $locale)\n      fields(includeSystem: true) {\n        name\n        type\n        label(locale: $locale)\n        settings\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoleEditor($locale: String) {\n    roles {\n      name\n      label\n      description\n      rules\n    }\n    objects {\n      name\n      label(locale: $locale)\n      fields(includeSystem: true) {\n        name\n        type\n        label(locale: $locale)\n        settings\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    roles {\n      name\n      label\n      description\n      rules\n    }\n  }\n"): (typeof documents)["\n  query Roles {\n    roles {\n      name\n      label\n      description\n      rules\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveTeam($input: TeamInput!) {\n    saveTeam(input: $input) {\n      id\n      name\n      leadId\n      memberIds\n    }\n  }\n"): (typeof documents)["\n  mutation SaveTeam($input: TeamInput!) {\n    saveTeam(input: $input) {\n      id\n      name\n      leadId\n      memberIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      name\n      roles\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      name\n      roles\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      email\n      name\n      roles\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      email\n      name\n      roles\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    updateUser(id: $id, input: { active: true }) {\n      id\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($id: ID!) {\n    updateUser(id: $id, input: { active: true }) {\n      id\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleImportRoles {\n    roles {\n      name\n      label\n    }\n  }\n"): (typeof documents)["\n  query PeopleImportRoles {\n    roles {\n      name\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPeople($input: PeopleImportInput!) {\n    importPeople(input: $input) {\n      dryRun\n      committed\n      created\n      joined\n      existing\n      teams\n      errors {\n        row\n        column\n        value\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportPeople($input: PeopleImportInput!) {\n    importPeople(input: $input) {\n      dryRun\n      committed\n      created\n      joined\n      existing\n      teams\n      errors {\n        row\n        column\n        value\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteField($object: String!, $name: String!, $dryRun: Boolean) {\n    deleteField(object: $object, name: $name, dryRun: $dryRun) {\n      ...PlanFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteField($object: String!, $name: String!, $dryRun: Boolean) {\n    deleteField(object: $object, name: $name, dryRun: $dryRun) {\n      ...PlanFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteObject($name: String!, $dryRun: Boolean) {\n    deleteObject(name: $name, dryRun: $dryRun) {\n      ...PlanFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteObject($name: String!, $dryRun: Boolean) {\n    deleteObject(name: $name, dryRun: $dryRun) {\n      ...PlanFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateField($input: FieldCreateInput!) {\n    createField(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n"): (typeof documents)["\n  mutation CreateField($input: FieldCreateInput!) {\n    createField(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateField(\n    $object: String!\n    $name: String!\n    $input: FieldUpdateInput!\n    $dryRun: Boolean\n    $allowDestructive: Boolean\n  ) {\n    updateField(object: $object, name: $name, input: $input, dryRun: $dryRun, allowDestructive: $allowDestructive) {\n      applied\n      revision\n      changes\n      destructive\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateField(\n    $object: String!\n    $name: String!\n    $input: FieldUpdateInput!\n    $dryRun: Boolean\n    $allowDestructive: Boolean\n  ) {\n    updateField(object: $object, name: $name, input: $input, dryRun: $dryRun, allowDestructive: $allowDestructive) {\n      applied\n      revision\n      changes\n      destructive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckFormula($object: String!, $expression: String!, $resultType: String, $currency: String, $field: String) {\n    checkFormula(\n      object: $object\n      expression: $expression\n      resultType: $resultType\n      currency: $currency\n      field: $field\n    ) {\n      ok\n      type\n      problems {\n        path\n        message\n        position\n      }\n    }\n  }\n"): (typeof documents)["\n  query CheckFormula($object: String!, $expression: String!, $resultType: String, $currency: String, $field: String) {\n    checkFormula(\n      object: $object\n      expression: $expression\n      resultType: $resultType\n      currency: $currency\n      field: $field\n    ) {\n      ok\n      type\n      problems {\n        path\n        message\n        position\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateObject($input: ObjectInput!) {\n    createObject(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n"): (typeof documents)["\n  mutation CreateObject($input: ObjectInput!) {\n    createObject(input: $input) {\n      applied\n      revision\n      changes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateObject($name: String!, $input: ObjectUpdateInput!, $dryRun: Boolean) {\n    updateObject(name: $name, input: $input, dryRun: $dryRun) {\n      ...PlanFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateObject($name: String!, $input: ObjectUpdateInput!, $dryRun: Boolean) {\n    updateObject(name: $name, input: $input, dryRun: $dryRun) {\n      ...PlanFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanFields on ManifestPlan {\n    applied\n    revision\n    changes\n    destructive\n  }\n"): (typeof documents)["\n  fragment PlanFields on ManifestPlan {\n    applied\n    revision\n    changes\n    destructive\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ValidationRules($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      validationRules\n      fields {\n        name\n        type\n        label(locale: $locale)\n        settings\n        system\n      }\n    }\n  }\n"): (typeof documents)["\n  query ValidationRules($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      validationRules\n      fields {\n        name\n        type\n        label(locale: $locale)\n        settings\n        system\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveValidationRules($name: String!, $rules: JSON, $dryRun: Boolean) {\n    updateObject(name: $name, input: { validationRules: $rules }, dryRun: $dryRun) {\n      applied\n      revision\n      changes\n    }\n  }\n"): (typeof documents)["\n  mutation SaveValidationRules($name: String!, $rules: JSON, $dryRun: Boolean) {\n    updateObject(name: $name, input: { validationRules: $rules }, dryRun: $dryRun) {\n      applied\n      revision\n      changes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FieldTypes {\n    fieldTypes {\n      name\n      computed\n      settings\n      operators\n    }\n  }\n"): (typeof documents)["\n  query FieldTypes {\n    fieldTypes {\n      name\n      computed\n      settings\n      operators\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LayoutObjects($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n    }\n  }\n"): (typeof documents)["\n  query LayoutObjects($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FormLayout($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      label(locale: $locale)\n      layout\n      fields {\n        name\n        type\n        label(locale: $locale)\n        required\n        settings\n        jsonSchema\n      }\n    }\n  }\n"): (typeof documents)["\n  query FormLayout($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      label(locale: $locale)\n      layout\n      fields {\n        name\n        type\n        label(locale: $locale)\n        required\n        settings\n        jsonSchema\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveFormLayout($name: String!, $layout: JSON) {\n    updateObject(name: $name, input: { layout: $layout }) {\n      applied\n      revision\n      changes\n    }\n  }\n"): (typeof documents)["\n  mutation SaveFormLayout($name: String!, $layout: JSON) {\n    updateObject(name: $name, input: { layout: $layout }) {\n      applied\n      revision\n      changes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManifestExport {\n    exportManifest\n  }\n"): (typeof documents)["\n  query ManifestExport {\n    exportManifest\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportManifest($manifest: JSON!, $dryRun: Boolean, $allowDestructive: Boolean) {\n    applyManifest(manifest: $manifest, dryRun: $dryRun, allowDestructive: $allowDestructive) {\n      ...PlanFields\n    }\n  }\n"): (typeof documents)["\n  mutation ImportManifest($manifest: JSON!, $dryRun: Boolean, $allowDestructive: Boolean) {\n    applyManifest(manifest: $manifest, dryRun: $dryRun, allowDestructive: $allowDestructive) {\n      ...PlanFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Revisions {\n    revisions(first: 50) {\n      number\n      createdAt\n      actor\n      summary\n      diff\n    }\n    users {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query Revisions {\n    revisions(first: 50) {\n      number\n      createdAt\n      actor\n      summary\n      diff\n    }\n    users {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Revert($revision: Int!) {\n    revert(revision: $revision) {\n      applied\n      revision\n      changes\n    }\n  }\n"): (typeof documents)["\n  mutation Revert($revision: Int!) {\n    revert(revision: $revision) {\n      applied\n      revision\n      changes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObjectFields($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      pluralName\n      label(locale: $locale)\n      labels\n      description\n      titleField\n      fields {\n        name\n        type\n        required\n        unique\n        indexed\n        searchable\n        system\n        default\n        settings\n        description\n        labels\n        label(locale: $locale)\n      }\n    }\n    objects {\n      name\n      label(locale: $locale)\n      fields {\n        name\n        type\n        label(locale: $locale)\n        settings\n      }\n    }\n  }\n"): (typeof documents)["\n  query ObjectFields($name: String!, $locale: String) {\n    object(name: $name) {\n      name\n      pluralName\n      label(locale: $locale)\n      labels\n      description\n      titleField\n      fields {\n        name\n        type\n        required\n        unique\n        indexed\n        searchable\n        system\n        default\n        settings\n        description\n        labels\n        label(locale: $locale)\n      }\n    }\n    objects {\n      name\n      label(locale: $locale)\n      fields {\n        name\n        type\n        label(locale: $locale)\n        settings\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Objects($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n      fields {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Objects($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n      fields {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PipelinesPage($locale: String) {\n    metadataRevision\n    objects {\n      name\n      pluralName\n      label(locale: $locale)\n      fields {\n        name\n        type\n        settings\n      }\n    }\n    pipelines {\n      object\n      field\n      label(locale: $locale)\n      labels\n      stages {\n        name\n        labels\n        probability\n        won\n        lost\n        color\n      }\n    }\n  }\n"): (typeof documents)["\n  query PipelinesPage($locale: String) {\n    metadataRevision\n    objects {\n      name\n      pluralName\n      label(locale: $locale)\n      fields {\n        name\n        type\n        settings\n      }\n    }\n    pipelines {\n      object\n      field\n      label(locale: $locale)\n      labels\n      stages {\n        name\n        labels\n        probability\n        won\n        lost\n        color\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SavePipeline($input: JSON!, $dryRun: Boolean, $allowDestructive: Boolean) {\n    savePipeline(input: $input, dryRun: $dryRun, allowDestructive: $allowDestructive) {\n      applied\n      revision\n      changes\n      destructive\n    }\n  }\n"): (typeof documents)["\n  mutation SavePipeline($input: JSON!, $dryRun: Boolean, $allowDestructive: Boolean) {\n    savePipeline(input: $input, dryRun: $dryRun, allowDestructive: $allowDestructive) {\n      applied\n      revision\n      changes\n      destructive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePipeline($object: String!, $field: String!) {\n    deletePipeline(object: $object, field: $field) {\n      applied\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation DeletePipeline($object: String!, $field: String!) {\n    deletePipeline(object: $object, field: $field) {\n      applied\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      name\n      workspace\n      roles\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      email\n      name\n      workspace\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workflows {\n    workflows {\n      name\n      label\n      active\n      trigger\n    }\n  }\n"): (typeof documents)["\n  query Workflows {\n    workflows {\n      name\n      label\n      active\n      trigger\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workflow($name: String!) {\n    workflow(name: $name) {\n      name\n      active\n      webhookPath\n      definition\n      versions {\n        version\n        createdAt\n        definition\n      }\n    }\n  }\n"): (typeof documents)["\n  query Workflow($name: String!) {\n    workflow(name: $name) {\n      name\n      active\n      webhookPath\n      definition\n      versions {\n        version\n        createdAt\n        definition\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowStepTypes {\n    workflowStepTypes\n  }\n"): (typeof documents)["\n  query WorkflowStepTypes {\n    workflowStepTypes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowObjects {\n    objects {\n      name\n      label\n      pluralName\n      titleField\n    }\n  }\n"): (typeof documents)["\n  query WorkflowObjects {\n    objects {\n      name\n      label\n      pluralName\n      titleField\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TriggerObject($name: String!) {\n    object(name: $name) {\n      name\n      pluralName\n      titleField\n      fields {\n        name\n        label\n        type\n      }\n    }\n  }\n"): (typeof documents)["\n  query TriggerObject($name: String!) {\n    object(name: $name) {\n      name\n      pluralName\n      titleField\n      fields {\n        name\n        label\n        type\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkflow($input: JSON!) {\n    createWorkflow(input: $input) {\n      applied\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWorkflow($input: JSON!) {\n    createWorkflow(input: $input) {\n      applied\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWorkflow($name: String!, $input: JSON!) {\n    updateWorkflow(name: $name, input: $input) {\n      applied\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWorkflow($name: String!, $input: JSON!) {\n    updateWorkflow(name: $name, input: $input) {\n      applied\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateWorkflow($name: String!) {\n    activateWorkflow(name: $name) {\n      applied\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateWorkflow($name: String!) {\n    activateWorkflow(name: $name) {\n      applied\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateWorkflow($name: String!) {\n    deactivateWorkflow(name: $name) {\n      applied\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateWorkflow($name: String!) {\n    deactivateWorkflow(name: $name) {\n      applied\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWorkflow($name: String!) {\n    deleteWorkflow(name: $name) {\n      applied\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWorkflow($name: String!) {\n    deleteWorkflow(name: $name) {\n      applied\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelWorkflowRun($id: ID!) {\n    cancelWorkflowRun(id: $id) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelWorkflowRun($id: ID!) {\n    cancelWorkflowRun(id: $id) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowRuns($workflow: String!, $first: Int) {\n    workflowRuns(workflow: $workflow, first: $first) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  query WorkflowRuns($workflow: String!, $first: Int) {\n    workflowRuns(workflow: $workflow, first: $first) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunFields on WorkflowRun {\n    id\n    version\n    status\n    test\n    error\n    startedAt\n    finishedAt\n    steps {\n      id\n      seq\n      type\n      status\n      input\n      output\n      error\n      meta\n      startedAt\n      finishedAt\n      durationMs\n    }\n  }\n"): (typeof documents)["\n  fragment RunFields on WorkflowRun {\n    id\n    version\n    status\n    test\n    error\n    startedAt\n    finishedAt\n    steps {\n      id\n      seq\n      type\n      status\n      input\n      output\n      error\n      meta\n      startedAt\n      finishedAt\n      durationMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestWorkflow($name: String!, $recordId: ID) {\n    testWorkflow(name: $name, recordId: $recordId) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestWorkflow($name: String!, $recordId: ID) {\n    testWorkflow(name: $name, recordId: $recordId) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyApprovals($all: Boolean) {\n    myApprovals(all: $all) {\n      id\n      runId\n      workflow\n      workflowLabel\n      stepId\n      stepLabel\n      message\n      userId\n      role\n      roleLabel\n      record {\n        object\n        id\n        title\n        readable\n      }\n      assignedAt\n      dueAt\n    }\n  }\n"): (typeof documents)["\n  query MyApprovals($all: Boolean) {\n    myApprovals(all: $all) {\n      id\n      runId\n      workflow\n      workflowLabel\n      stepId\n      stepLabel\n      message\n      userId\n      role\n      roleLabel\n      record {\n        object\n        id\n        title\n        readable\n      }\n      assignedAt\n      dueAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideApproval($id: ID!, $approve: Boolean!, $comment: String) {\n    decideApproval(id: $id, approve: $approve, comment: $comment) {\n      id\n      status\n      comment\n    }\n  }\n"): (typeof documents)["\n  mutation DecideApproval($id: ID!, $approve: Boolean!, $comment: String) {\n    decideApproval(id: $id, approve: $approve, comment: $comment) {\n      id\n      status\n      comment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTeams {\n    teams {\n      id\n      name\n      leadId\n      memberIds\n    }\n  }\n"): (typeof documents)["\n  query DashboardTeams {\n    teams {\n      id\n      name\n      leadId\n      memberIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardStageDurations($object: String!, $field: String!, $filter: JSON, $since: DateTime) {\n    stageDurations(object: $object, field: $field, filter: $filter, since: $since) {\n      stage\n      records\n      averageSeconds\n    }\n  }\n"): (typeof documents)["\n  query DashboardStageDurations($object: String!, $field: String!, $filter: JSON, $since: DateTime) {\n    stageDurations(object: $object, field: $field, filter: $filter, since: $since) {\n      stage\n      records\n      averageSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SavedViewFields on View {\n    id\n    object\n    name\n    filter\n    sort {\n      field\n      direction\n    }\n    search\n    columns\n    shared\n    editable\n  }\n"): (typeof documents)["\n  fragment SavedViewFields on View {\n    id\n    object\n    name\n    filter\n    sort {\n      field\n      direction\n    }\n    search\n    columns\n    shared\n    editable\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListViews($object: String!) {\n    views(object: $object) {\n      ...SavedViewFields\n    }\n    canShareViews(object: $object)\n  }\n"): (typeof documents)["\n  query ListViews($object: String!) {\n    views(object: $object) {\n      ...SavedViewFields\n    }\n    canShareViews(object: $object)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveListView($input: ViewInput!) {\n    saveView(input: $input) {\n      ...SavedViewFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveListView($input: ViewInput!) {\n    saveView(input: $input) {\n      ...SavedViewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteListView($id: ID!) {\n    deleteView(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteListView($id: ID!) {\n    deleteView(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotifications($first: Int) {\n    myNotifications(first: $first) {\n      nodes {\n        id\n        title\n        body\n        object\n        recordId\n        approvalId\n        createdAt\n        readAt\n      }\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  query MyNotifications($first: Int) {\n    myNotifications(first: $first) {\n      nodes {\n        id\n        title\n        body\n        object\n        recordId\n        approvalId\n        createdAt\n        readAt\n      }\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecordManualWorkflows($object: String!, $recordId: ID) {\n    manualWorkflows(object: $object, recordId: $recordId) {\n      name\n      label\n    }\n  }\n"): (typeof documents)["\n  query RecordManualWorkflows($object: String!, $recordId: ID) {\n    manualWorkflows(object: $object, recordId: $recordId) {\n      name\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordRunWorkflow($name: String!, $recordId: ID) {\n    runWorkflow(name: $name, recordId: $recordId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RecordRunWorkflow($name: String!, $recordId: ID) {\n    runWorkflow(name: $name, recordId: $recordId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecordWorkflowRunStatus($id: ID!) {\n    workflowRun(id: $id) {\n      id\n      status\n      error\n    }\n  }\n"): (typeof documents)["\n  query RecordWorkflowRunStatus($id: ID!) {\n    workflowRun(id: $id) {\n      id\n      status\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObjectConversion($object: String!) {\n    object(name: $object) {\n      name\n      conversion\n    }\n  }\n"): (typeof documents)["\n  query ObjectConversion($object: String!) {\n    object(name: $object) {\n      name\n      conversion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversionPreview($object: String!, $id: ID!) {\n    conversionPreview(object: $object, id: $id) {\n      converted\n      targets {\n        key\n        object\n        optional\n        canCreate\n        data\n        references\n        matches\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConversionPreview($object: String!, $id: ID!) {\n    conversionPreview(object: $object, id: $id) {\n      converted\n      targets {\n        key\n        object\n        optional\n        canCreate\n        data\n        references\n        matches\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConvertRecord($object: String!, $id: ID!, $targets: [ConversionChoiceInput!]!) {\n    convertRecord(object: $object, id: $id, targets: $targets) {\n      id\n      targets {\n        key\n        object\n        id\n        created\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConvertRecord($object: String!, $id: ID!, $targets: [ConversionChoiceInput!]!) {\n    convertRecord(object: $object, id: $id, targets: $targets) {\n      id\n      targets {\n        key\n        object\n        id\n        created\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecordTimelineHistory($object: String!, $id: ID!, $first: Int!, $after: String) {\n    recordHistory(object: $object, id: $id, first: $first, after: $after) {\n      field\n      oldValue\n      newValue\n      at\n      cursor\n      actor {\n        id\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query RecordTimelineHistory($object: String!, $id: ID!, $first: Int!, $after: String) {\n    recordHistory(object: $object, id: $id, first: $first, after: $after) {\n      field\n      oldValue\n      newValue\n      at\n      cursor\n      actor {\n        id\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecordTimelineRuns($id: ID!, $first: Int!, $after: ID) {\n    workflowRuns(recordId: $id, first: $first, after: $after) {\n      id\n      workflow\n      workflowLabel\n      status\n      error\n      startedAt\n    }\n  }\n"): (typeof documents)["\n  query RecordTimelineRuns($id: ID!, $first: Int!, $after: ID) {\n    workflowRuns(recordId: $id, first: $first, after: $after) {\n      id\n      workflow\n      workflowLabel\n      status\n      error\n      startedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchableFields {\n    objects {\n      name\n      fields(includeSystem: true) {\n        name\n        searchable\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchableFields {\n    objects {\n      name\n      fields(includeSystem: true) {\n        name\n        searchable\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceModel($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n      labelPlural(locale: $locale)\n      pluralName\n      titleField\n      api\n      layout\n      permissions {\n        create\n        update\n        delete\n      }\n      fields(includeSystem: true) {\n        name\n        label(locale: $locale)\n        type\n        required\n        default\n        system\n        settings\n        jsonSchema\n        graphqlType\n      }\n    }\n    pipelines {\n      object\n      field\n      label(locale: $locale)\n      stages {\n        name\n        label(locale: $locale)\n        probability\n        won\n        lost\n        color\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceModel($locale: String) {\n    objects {\n      name\n      label(locale: $locale)\n      labelPlural(locale: $locale)\n      pluralName\n      titleField\n      api\n      layout\n      permissions {\n        create\n        update\n        delete\n      }\n      fields(includeSystem: true) {\n        name\n        label(locale: $locale)\n        type\n        required\n        default\n        system\n        settings\n        jsonSchema\n        graphqlType\n      }\n    }\n    pipelines {\n      object\n      field\n      label(locale: $locale)\n      stages {\n        name\n        label(locale: $locale)\n        probability\n        won\n        lost\n        color\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;