import { graphql } from '../gql';

/** Who is signed in: the shell's header and navigation, and the pages that show "my" records. */
export const MeDocument = graphql(`
  query Me {
    me {
      id
      email
      name
      workspace
      roles
    }
  }
`);
