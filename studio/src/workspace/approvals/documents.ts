import { graphql } from '../../gql';

/** The approvals inbox: what the signed-in user may decide (every pending approval with `all`, for admins). */
export const MyApprovalsDocument = graphql(`
  query MyApprovals($all: Boolean) {
    myApprovals(all: $all) {
      id
      runId
      workflow
      workflowLabel
      stepId
      stepLabel
      message
      userId
      role
      roleLabel
      record {
        object
        id
        title
        readable
      }
      assignedAt
      dueAt
    }
  }
`);

export const DecideApprovalDocument = graphql(`
  mutation DecideApproval($id: ID!, $approve: Boolean!, $comment: String) {
    decideApproval(id: $id, approve: $approve, comment: $comment) {
      id
      status
      comment
    }
  }
`);
