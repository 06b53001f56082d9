import type { RouterOutputs } from '@estate/api';
import { Link, useParams } from 'react-router';
import { Avatar, AvatarSkeleton } from '../../components/ui/Avatar';
import { buttonClass } from '../../components/ui/button';
import { PostCardsSkeleton, PostList } from '../../components/ui/PostList';
import { QueryState } from '../../components/ui/QueryState';
import { ResultsMessage } from '../../components/ui/ResultsMessage';
import { Skeleton } from '../../components/ui/Skeleton';
import { usePageTitle } from '../../hooks/use-page-title';
import { useMe } from '../../hooks/use-session';
import { formatCount, formatDate } from '../../lib/format';
import { paths } from '../../lib/paths';
import styles from './ProfilePage.module.css';
import { useListingsBy, useProfile } from './use-profile';

type Profile = RouterOutputs['user']['byUsername'];

/** A user's public page: who they are and what they list. */
export function ProfilePage() {
  const { username = '' } = useParams();
  const profile = useProfile(username);

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
  const listings = useListingsBy(profile.username);
  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.header}>
        <Avatar username={profile.username} src={profile.avatar} size="large" />
        <div className={styles.headerText}>
          <h1>{profile.username}</h1>
          <p>
            Member since {formatDate(profile.createdAt)} · {formatCount(profile.postCount, 'listing')}
          </p>
        </div>
        {isMe && (
          <Link className={buttonClass()} to={paths.account()}>
            Edit profile
          </Link>
        )}
      </header>
      <section className={styles.listings} aria-labelledby="profile-listings">
        <h2 id="profile-listings">Listings</h2>
        <PostList
          results={listings}
          total={profile.postCount}
          empty={
            <ResultsMessage>
              <h3>No listings yet</h3>
              <p>{isMe ? 'Homes you list will appear here.' : `${profile.username} has not listed any homes.`}</p>
              {isMe ? (
                <Link className={buttonClass({ variant: 'primary' })} to={paths.newListing()}>
                  List a home
                </Link>
              ) : (
                <Link className={buttonClass()} to={paths.search()}>
                  Browse listings
                </Link>
              )}
            </ResultsMessage>
          }
        />
      </section>
    </div>
  );
}

function ProfileSkeleton() {
  return (
    <div className={`container ${styles.page}`} aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading profile…
      </p>
      <div className={styles.header} aria-hidden="true">
        <AvatarSkeleton size="large" />
        <div className={styles.headerText}>
          <Skeleton line="heading" />
          <Skeleton line="medium" />
        </div>
      </div>
      <PostCardsSkeleton count={3} />
    </div>
  );
}
