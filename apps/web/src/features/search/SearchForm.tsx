import { type FormEvent, useId } from 'react';
import { useNavigate } from 'react-router';
import type { FieldErrors } from '../../lib/api-error';
import { paths } from '../../lib/paths';
import { readSearchValues, type SearchField, type SearchValues, toSearchFilters } from './search-params';
import './SearchForm.css';

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
  const id = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(paths.search(toSearchFilters(readSearchValues(new FormData(event.currentTarget)))));
  }

  // Wires a control to its label and, when the server rejected it, to its messages.
  function control(field: SearchField) {
    const invalid = Boolean(fieldErrors[field]?.length);
    return {
      id: `${id}-${field}`,
      name: field,
      defaultValue: initial[field],
      'aria-invalid': invalid || undefined,
      'aria-describedby': invalid ? `${id}-${field}-error` : undefined,
    };
  }

  function errors(field: SearchField) {
    const messages = fieldErrors[field];
    if (!messages?.length) return null;
    return (
      <p className="field-error" id={`${id}-${field}-error`}>
        {messages.join(' ')}
      </p>
    );
  }

  return (
    // <search> is the search landmark (role="search"). Validation is the server's, so its
    // messages appear beside the fields, the same way for every rule.
    <search aria-label="Search listings">
      <form className={`search-form search-form--${variant}`} noValidate onSubmit={handleSubmit}>
        <div className="field field--city">
          <label htmlFor={`${id}-city`}>City</label>
          <input {...control('city')} type="text" placeholder="Any city" autoComplete="address-level2" />
          {errors('city')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>Type</label>
          <select {...control('type')}>
            <option value="">Any</option>
            <option value="buy">Buy</option>
            <option value="rent">Rent</option>
          </select>
          {errors('type')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-minPrice`}>Min price</label>
          <input {...control('minPrice')} type="number" inputMode="numeric" min={0} step={1} placeholder="No min" />
          {errors('minPrice')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-maxPrice`}>Max price</label>
          <input {...control('maxPrice')} type="number" inputMode="numeric" min={0} step={1} placeholder="No max" />
          {errors('maxPrice')}
        </div>
        <button type="submit" className="button button--primary search-form__submit">
          Search
        </button>
      </form>
    </search>
  );
}
