// The limit: the same city query as raw SQL through pg behind a bare node:http server, no
// framework, no ORM. Started by bench:search in its own process: PORT, DATABASE_URL.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const server = createServer(async (req, res) => {
  const city = (new URL(req.url ?? '/', 'http://x').searchParams.get('city') ?? '').toLowerCase();
  const { rows } = await pool.query(
    `SELECT "id", "title", "price", "images", "address", "city", "bedroom", "bathroom", "latitude", "longitude", "type", "property", "createdAt"
     FROM "Post" WHERE "cityKey" = $1 ORDER BY "createdAt" DESC, "id" DESC LIMIT 24`,
    [city],
  );
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(rows));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
