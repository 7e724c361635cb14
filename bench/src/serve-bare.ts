import express from 'express';
import { Pool } from 'pg';

/**
 * The baseline for API throughput: a bare express + pg endpoint returning the same page (50 deals with
 * company and owner) as JSON, through one hand-written SQL query. No auth, no validation, no GraphQL.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const schema = process.env.BENCH_SCHEMA!;
const app = express();
app.get('/deals', async (req, res) => {
  const { rows } = await pool.query(
    `SELECT d.id, d.title, d.amount, d.amount_currency AS currency, d.stage, d."closeDate", c.name AS company, u.email AS owner
       FROM "${schema}".deal d LEFT JOIN "${schema}".company c ON c.id = d.company LEFT JOIN stratum.users u ON u.id = d.owner
      WHERE d."deletedAt" IS NULL AND d.stage = $1 AND d.amount >= $2 ORDER BY d.amount DESC, d.id DESC LIMIT 50`,
    [req.query.stage ?? 'proposal', Number(req.query.min ?? 5000)],
  );
  res.json({ data: rows });
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
