// The stack Estate replaces: Express and the same Prisma client, one REST endpoint for the
// city query bench:search loads. Started by the bench in its own process: PORT, DATABASE_URL.
import { createDb } from '@estate/db';
import express from 'express';

const db = await createDb({ databaseUrl: process.env.DATABASE_URL, migrate: false });
const app = express();
app.get('/posts', async (req, res) => {
  const city = String(req.query.city ?? '').toLowerCase();
  const posts = await db.prisma.post.findMany({
    where: { cityKey: city },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 24,
    select: {
      id: true,
      title: true,
      price: true,
      images: true,
      address: true,
      city: true,
      bedroom: true,
      bathroom: true,
      latitude: true,
      longitude: true,
      type: true,
      property: true,
      createdAt: true,
    },
  });
  res.json(posts);
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
