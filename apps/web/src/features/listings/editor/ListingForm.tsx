import { MAX_IMAGES } from '@estate/api/schemas';
import type { LatLng, LatLngTuple } from 'leaflet';
import { type ComponentProps, type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { buttonClass } from '../../../components/ui/button';
import { Field } from '../../../components/ui/Field';
import { FormAlert } from '../../../components/ui/FormAlert';
import { TextField } from '../../../components/ui/TextField';
import { cx } from '../../../lib/class-names';
import { formatCount, propertyLabel, typeLabel } from '../../../lib/format';
import { formErrorsOf, type ZodMessages } from '../../../lib/forms';
import { paths } from '../../../lib/paths';
import { LeaveGuard } from './LeaveGuard';
import styles from './ListingForm.module.css';
import { LocationPicker } from './LocationPicker';
import { blankTexts, type Listing, type ListingField, type ListingTexts, listingFields, sameImages, textsOf } from './listing-values';
import { PhotoPicker } from './PhotoPicker';
import { useListingEditor } from './use-listing-editor';
import { type ListingPhoto, usePhotoUploads } from './use-photo-uploads';

// Where the schemas' messages can go: the fields, the photos, and each photo (`images.3`),
// whose messages are shown with the photos'. Any other message goes to the form's alert.
const photoPaths = Array.from({ length: MAX_IMAGES }, (_, index) => `images.${index}`);
const messagePaths = [...listingFields, 'images', ...photoPaths];

interface ListingFormProps {
  /** The listing to edit; without it, the form lists a new home. */
  listing?: Listing;
  /** The form's name for assistive technology: the page's title. */
  name: string;
}

/** Every field of a listing, in sections; checked in the browser with the procedure's schema before it is sent. */
export function ListingForm({ listing, name }: ListingFormProps) {
  const navigate = useNavigate();
  const [initial] = useState(() => (listing ? textsOf(listing) : blankTexts));
  const [texts, setTexts] = useState(initial);
  const uploads = usePhotoUploads(listing?.images ?? []);
  const editor = useListingEditor(listing);
  // The browser's messages from the last submit, and what it sent: a field's messages (either
  // side's) are shown while it holds what they were about, and go once the user changes it.
  const [checked, setChecked] = useState<ZodMessages | null>(null);
  const [submitted, setSubmitted] = useState<{ texts: ListingTexts; photos: ListingPhoto[] } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const saved = useRef(false);
  const mapHintId = useId();
  const waitId = useId();

  // After each refusal, from either side.
  useEffect(() => {
    if (checked || editor.error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [checked, editor.error]);

  const errors = formErrorsOf(messagePaths, checked, editor.error);
  const errorsOf = (field: ListingField) => (texts[field] === submitted?.texts[field] ? errors.fields[field] : undefined);
  // The photos' state changes with every pick, move or removal (and none uploads during a submit).
  const photoErrors =
    uploads.photos === submitted?.photos
      ? [
          ...(errors.fields.images ?? []),
          ...photoPaths.flatMap((path, index) => (errors.fields[path] ?? []).map((message) => `Photo ${index + 1}: ${message}`)),
        ]
      : [];
  const changed =
    listingFields.some((field) => texts[field] !== initial[field]) ||
    uploads.photos.length !== uploads.images.length ||
    !sameImages(uploads.images, listing?.images ?? []);

  function edit(field: ListingField, value: string) {
    setTexts((current) => ({ ...current, [field]: value }));
  }

  /** A control's name and value. */
  function control(name: ListingField) {
    return { name, value: texts[name], onChange: (event: { target: { value: string } }) => edit(name, event.target.value) };
  }

  /** A TextField's name, value and messages. */
  function field(name: ListingField) {
    return { ...control(name), errors: errorsOf(name) };
  }

  function pick(position: LatLng) {
    const { lat, lng } = position.wrap();
    // About 10 cm: more digits would only be noise.
    setTexts((current) => ({ ...current, latitude: lat.toFixed(6), longitude: lng.toFixed(6) }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Submitting with Enter while photos upload: the button says why it waits.
    if (uploads.uploading || editor.isPending) return;
    const messages = editor.save({
      texts,
      images: uploads.images,
      photoProblem: uploads.failed ? 'Retry or remove the photos that did not upload.' : null,
      onSaved(id) {
        saved.current = true;
        navigate(paths.post(id), { state: { notice: listing ? 'Your changes are saved.' : 'Your listing is published.' } });
      },
    });
    setChecked(messages);
    setSubmitted({ texts, photos: uploads.photos });
  }

  return (
    <form ref={form} className={styles.form} aria-label={name} noValidate onSubmit={onSubmit}>
      <Section title="Basics">
        <div className={styles.grid}>
          <div className={styles.wide}>
            <TextField {...field('title')} label="Title" hint="5 to 120 characters, e.g. “Sunny two-bedroom near the park”." />
          </div>
          <ChoiceField label="Listing type" choices={typeLabel} errors={errorsOf('type')} {...control('type')} />
          <ChoiceField label="Property type" choices={propertyLabel} errors={errorsOf('property')} {...control('property')} />
          <TextField
            {...field('price')}
            label={texts.type === 'rent' ? 'Price per month' : 'Price'}
            inputMode="numeric"
            hint="Whole US dollars."
          />
          <TextField {...field('bedroom')} label="Bedrooms" inputMode="numeric" />
          <TextField {...field('bathroom')} label="Bathrooms" inputMode="numeric" />
          <TextField {...field('detail.size')} label="Size (m²)" inputMode="numeric" hint="Optional." />
        </div>
      </Section>

      <Section title="Location" description="Where the home is. The pin shows buyers and renters where to look.">
        <div className={styles.grid}>
          <div className={styles.address}>
            <TextField {...field('address')} label="Street address" autoComplete="street-address" />
          </div>
          <TextField {...field('city')} label="City" autoComplete="address-level2" />
        </div>
        <div className={styles.map}>
          <p id={mapHintId} className={styles.hint}>
            Click the map or drag the pin to set the latitude and longitude, or type them below.
          </p>
          <LocationPicker position={positionOf(texts)} onPick={pick} hintId={mapHintId} />
        </div>
        <div className={styles.grid}>
          <TextField {...field('latitude')} label="Latitude" hint="-90 to 90, e.g. 40.7128" />
          <TextField {...field('longitude')} label="Longitude" hint="-180 to 180, e.g. -74.006" />
        </div>
      </Section>

      {/* One field: its label is the card's heading. */}
      <div className={styles.section}>
        <PhotoPicker uploads={uploads} errors={photoErrors.length ? photoErrors : undefined} />
      </div>

      <Section title="Details" description="Only the description is required; the rest helps people decide.">
        <Field label="Description" errors={errorsOf('detail.desc')} hint="Plain text; line breaks are kept.">
          {(props) => <textarea {...props} {...control('detail.desc')} rows={8} />}
        </Field>
        <div className={cx(styles.grid, styles.texts)}>
          <TextField {...field('detail.utilities')} label="Utilities" placeholder="e.g. Tenant pays electricity" />
          <TextField {...field('detail.pet')} label="Pets" placeholder="e.g. Cats allowed" />
          <TextField {...field('detail.income')} label="Income policy" placeholder="e.g. 3× the rent" />
        </div>
        <fieldset className={styles.group}>
          <legend>Distances, in metres</legend>
          <div className={styles.grid}>
            <TextField {...field('detail.school')} label="To a school" inputMode="numeric" />
            <TextField {...field('detail.bus')} label="To a bus stop" inputMode="numeric" />
            <TextField {...field('detail.restaurant')} label="To a restaurant" inputMode="numeric" />
          </div>
        </fieldset>
      </Section>

      <div className={styles.footer}>
        <FormAlert message={errors.alert} />
        <div className={styles.actions}>
          <button
            type="submit"
            className={buttonClass({ variant: 'primary' })}
            disabled={uploads.uploading > 0 || editor.isPending}
            aria-describedby={uploads.uploading ? waitId : undefined}
          >
            {editor.isPending ? 'Saving…' : listing ? 'Save changes' : 'Publish listing'}
          </button>
          <Link className={buttonClass()} to={listing ? paths.post(listing.id) : paths.home()}>
            Cancel
          </Link>
          {uploads.uploading > 0 && (
            <p id={waitId} className={styles.wait}>
              Waiting for {formatCount(uploads.uploading, 'photo')} to finish uploading.
            </p>
          )}
        </div>
      </div>
      <LeaveGuard shouldWarn={() => changed && !saved.current} />
    </form>
  );
}

/** The pin's place: both coordinates typed, and in range. */
function positionOf({ latitude, longitude }: { latitude: string; longitude: string }): LatLngTuple | null {
  if (!latitude.trim() || !longitude.trim()) return null;
  const position: LatLngTuple = [Number(latitude), Number(longitude)];
  return Math.abs(position[0]) <= 90 && Math.abs(position[1]) <= 180 ? position : null;
}

interface ChoiceFieldProps extends ComponentProps<'select'> {
  label: string;
  /** The options' labels by value. */
  choices: Record<string, string>;
  errors: string[] | undefined;
}

/** A select that starts on no choice, so a required one is never chosen by default. */
function ChoiceField({ label, choices, errors, ...select }: ChoiceFieldProps) {
  return (
    <Field label={label} errors={errors}>
      {(control) => (
        <select {...select} {...control}>
          <option value="">Choose…</option>
          {Object.entries(choices).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <fieldset className={styles.section}>
      <legend>{title}</legend>
      {description && <p className={styles.hint}>{description}</p>}
      {children}
    </fieldset>
  );
}
