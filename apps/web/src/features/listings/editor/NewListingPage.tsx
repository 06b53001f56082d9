import { PageHeader } from '../../../components/ui/PageHeader';
import { EditorPage } from './EditorPage';
import { ListingForm } from './ListingForm';

const title = 'List a home';

export function NewListingPage() {
  return (
    <EditorPage>
      <PageHeader
        title={title}
        description="Tell people about your home for sale or rent. Fields are required unless they say otherwise."
      />
      <ListingForm name={title} />
    </EditorPage>
  );
}
