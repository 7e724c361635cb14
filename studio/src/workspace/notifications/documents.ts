import { graphql } from '../../gql';

/** The signed-in user's newest notifications and how many are unread (the bell's one query). */
export const MyNotificationsDocument = graphql(`
  query MyNotifications($first: Int) {
    myNotifications(first: $first) {
      nodes {
        id
        title
        body
        object
        recordId
        approvalId
        createdAt
        readAt
      }
      unreadCount
    }
  }
`);

export const MarkNotificationsReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {
    markNotificationsRead(ids: $ids, all: $all)
  }
`);
