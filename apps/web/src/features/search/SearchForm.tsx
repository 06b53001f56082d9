import type { FormEvent, InputHTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { buttonClass } from '../../components/ui/button';
import { Field } from '../../components/ui/Field';
import type { FieldErrors } from '../../lib/api-error';
import { cx } from '../../lib/class-names';
import { paths } from '../../lib/paths';
import styles from './SearchForm.module.css';
import { readSearchValues, type SearchValues, toSearchFilters } from './search-params';

const blank: SearchValues = { city: '', type: '', minPrice: '', maxPrice: '' };

interface SearchFormProps {
  /** Starting values; the form is uncontrolled, so give it a new `key` when these change. */
  initial?: SearchValues;
  /** The server's messages for the values now in the URL. */
  fieldErrors?: FieldErrors;
  variant?: 'hero' | 'bar';
}

/** Submitting navigates to the results page: the query string is the search's only state. */
export function SearchForm({ initial = blank, fieldErrors = {}, variant = 'bar' }: SearchFormProps) {
  const navigate = useNavigate();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(paths.search(toSearchFilters(readSearchValues(new FormData(event.currentTarget)))));
  }

  return (
    // <search> is the search landmark (role="search"). Validation is the server's, so its
    // messages appear beside the fields, the same way for every rule.
    <search aria-label="Search listings">
      <form className={cx(styles.form, variant === 'hero' && styles.hero)} noValidate onSubmit={handleSubmit}>
        <Field compact label="City" errors={fieldErrors.city} className={styles.city}>
          {(control) => (
            <input {...control} name="city" defaultValue={initial.city} type="text" placeholder="Any city" autoComplete="address-level2" />
          )}
        </Field>
        <Field compact label="Type" errors={fieldErrors.type} className={styles.type}>
          {(control) => (
            <select {...control} name="type" defaultValue={initial.type}>
              <option value="">Any</option>
              <option value="buy">Buy</option>
              <option value="rent">Rent</option>
            </select>
          )}
        </Field>
        <Field compact label="Min price" errors={fieldErrors.minPrice}>
          {(control) => <PriceInput {...control} name="minPrice" defaultValue={initial.minPrice} placeholder="No min" />}
        </Field>
        <Field compact label="Max price" errors={fieldErrors.maxPrice}>
          {(control) => <PriceInput {...control} name="maxPrice" defaultValue={initial.maxPrice} placeholder="No max" />}
        </Field>
        <button type="submit" className={cx(buttonClass({ variant: 'primary' }), styles.submit)}>
          Search
        </button>
      </form>
    </search>
  );
}

function PriceInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} type="number" inputMode="numeric" min={0} step={1} />;
}
