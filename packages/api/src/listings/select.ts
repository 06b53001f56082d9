import type { Prisma } from '@estate/db';

/** What a result card shows. */
export const postCardSelect = {
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
} satisfies Prisma.PostSelect;

/** What a listing's own page shows: never the lister's email or id. */
export const postPageSelect = {
  ...postCardSelect,
  updatedAt: true,
  userId: true,
  postDetail: {
    select: { desc: true, utilities: true, pet: true, income: true, size: true, school: true, bus: true, restaurant: true },
  },
  user: { select: { username: true, avatar: true } },
} satisfies Prisma.PostSelect;
