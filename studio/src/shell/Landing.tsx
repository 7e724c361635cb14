import { Navigate } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../components/QueryState';
import { MeDocument } from './me-document';

/** Where signing in lands: admins in the designer's objects, everyone else on their home page. */
export function Landing() {
  const [{ data, error }] = useQuery({ query: MeDocument });
  if (!data) return <QueryState fetching={!error} error={error} />;
  return <Navigate to={data.me.roles.includes('admin') ? '/objects' : '/home'} replace />;
}
