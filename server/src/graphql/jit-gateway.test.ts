import { buildSchema, parse } from 'graphql';
import { jitGateway } from './jit-gateway';

// A filter that contains itself, as every object's `<Type>Filter` does (`and: [DealFilter!]`).
const schema = buildSchema(`
  input DealFilter { name: String and: [DealFilter!] company: CompanyFilter }
  input CompanyFilter { name: String deals: DealFilter }
  type Query { deals(filter: DealFilter): String }
`);
schema.getQueryType()!.getFields()['deals']!.resolve = (_source, args: { filter?: unknown }) =>
  JSON.stringify(args.filter ?? null);

async function run(query: string, variables: Record<string, unknown>) {
  const { executor } = (await jitGateway(schema).load({ apollo: {} as never })) as unknown as {
    executor: (request: unknown) => Promise<{ data?: unknown; errors?: unknown[] }>;
  };
  return executor({ document: parse(query), request: { variables }, context: {} });
}

describe('the graphql-jit executor', () => {
  test('runs an operation whose variable is a self-containing input type (graphql-jit overflows on those)', async () => {
    const result = await run('query($f: DealFilter) { deals(filter: $f) }', {
      f: { and: [{ name: 'a' }], company: { deals: { name: 'b' } } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ deals: JSON.stringify({ and: [{ name: 'a' }], company: { deals: { name: 'b' } } }) });
  });

  test('still compiles the others', async () => {
    const result = await run('{ deals(filter: { name: "x" }) }', {});
    expect(result).toEqual({ data: { deals: JSON.stringify({ name: 'x' }) } });
  });
});
