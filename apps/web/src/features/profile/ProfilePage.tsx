import type { RouterOutputs } from '@estate/api';
import { Link, useParams } from 'react-router';
import { Avatar } from '../../components/ui/Avatar';
import { PostCardSkeleton } from '../../components/ui/PostCard';
import { PostList } from '../../components/ui/PostList';
import { QueryState } from '../../components/ui/QueryState';
import { usePageTitle } from '../../hooks/use-page-title';
import { useMe } from '../../hooks/use-session';
import { formatCount, formatDate } from '../../lib/format';
import { paths } from '../../lib/paths';
import { trpc } from '../../lib/trpc';
import './ProfilePage.css';

type Profile = RouterOutputs['user']['byUsername'];

const pageSize = 12;

/** A user's public page: who they are and what they list. */
export function ProfilePage() {
  const { username = '' } = useParams();
  const profile = trpc.user.byUsername.useQuery({ username });

  return (
    <QueryState
      query={profile}
      pending={<ProfileSkeleton />}
      notFound={{
        title: 'User not found',
        message: 'Nobody on Estate goes by this username. They may have changed it or deleted their account.',
      }}
      errorTitle="Could not load this profile"
    >
      {(data) => <ProfileView profile={data} />}
    </QueryState>
  );
}

function ProfileView({ profile }: { profile: Profile }) {
  usePageTitle(profile.username);
  const isMe = useMe().data?.username === profile.username;
  const listings = trpc.post.byUser.useInfiniteQuery(
    { username: profile.username, limit: pageSize },
    { getNextPageParam: (page) => page.nextCursor },
  );
  return (
    <div className="container profile-page">
      <header className="profile-header">
        <Avatar username={profile.username} src={profile.avatar} size="large" />
        <div className="profile-header__text">
          <h1>{profile.username}</h1>
          <p>
            Member since {formatDate(profile.createdAt)} · {formatCount(profile.postCount, 'listing')}
          </p>
        </div>
        {isMe && (
          <Link className="button profile-header__edit" to={paths.account()}>
            Edit profile
          </Link>
        )}
      </header>
      <section className="profile-page__listings" aria-labelledby="profile-listings">
        <h2 id="profile-listings">Listings</h2>
        <PostList
          results={listings}
          total={profile.postCount}
          empty={
            <div className="results-message">
              <h3>No listings yet</h3>
              <p>{isMe ? 'Homes you list will appear here.' : `${profile.username} has not listed any homes.`}</p>
            </div>
          }
        />
      </section>
    </div>
  );
}

function ProfileSkeleton() {
  return (
    <div className="container profile-page" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading profile…
      </p>
      <div className="profile-header" aria-hidden="true">
        <div className="avatar avatar--large skeleton" />
        <div className="profile-header__text">
          <div className="skeleton skeleton--line skeleton--heading" />
          <div className="skeleton skeleton--line skeleton--medium" />
        </div>
      </div>
      <div className="card-grid">
        {['a', 'b', 'c'].map((key) => (
          <PostCardSkeleton key={key} />
        ))}
      </div>
    </div>
  );
}
