import { type KeyboardEvent, useId, useState } from 'react';
import type { ControlProps } from '../../components/ui/Field';
import { cx } from '../../lib/class-names';
import { formatCount } from '../../lib/format';
import styles from './CityCombobox.module.css';
import { useCitySuggestions } from './use-city-suggestions';

interface CityComboboxProps {
  /** From the Field around it: its id, and what describes it. */
  control: ControlProps;
  name: string;
  defaultValue: string;
  placeholder: string;
}

/**
 * A city box that suggests the cities with listings as you type (ARIA 1.2 combobox): arrow
 * keys move through them, Enter picks one, Escape closes them; with nothing typed, Down
 * arrow lists the biggest.
 */
export function CityCombobox({ control, name, defaultValue, placeholder }: CityComboboxProps) {
  const listId = useId();
  const [value, setValue] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useCitySuggestions(value, open);
  // The last answer stays while the next comes, narrowed to what is typed now.
  const typed = value.trim().toLowerCase();
  const cities = open ? (suggestions.data ?? []).filter((city) => city.name.toLowerCase().startsWith(typed)) : [];
  const expanded = cities.length > 0;
  const optionId = (index: number) => `${listId}-${index}`;

  function pick(city: string) {
    setValue(city);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        return;
      }
      const down = event.key === 'ArrowDown';
      // From the box into the list at either end; past either end round to the other.
      setActive((index) => (index < 0 ? (down ? 0 : cities.length - 1) : (index + (down ? 1 : -1) + cities.length) % cities.length));
    } else if (event.key === 'Enter' && expanded && cities[active]) {
      // Picks the city; the next Enter submits the search.
      event.preventDefault();
      pick(cities[active].name);
    } else if (event.key === 'Escape' && open) {
      // Also while the suggestions are on their way: they must not open after Escape.
      if (expanded) event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className={styles.combobox}>
      <input
        {...control}
        name={name}
        value={value}
        type="text"
        placeholder={placeholder}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <div id={listId} role="listbox" aria-label="Cities" className={styles.listbox} hidden={!expanded}>
        {cities.map((city, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keys work in the box, which keeps the focus (aria-activedescendant).
          <div
            key={city.name}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={cx(styles.option, index === active && styles.active)}
            // Keeps the focus in the box, which would close the list before the click lands.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(city.name)}
          >
            {city.name} <span className={styles.count}>· {formatCount(city.count, 'home')}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
