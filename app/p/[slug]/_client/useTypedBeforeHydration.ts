import { useCallback } from "react";

/**
 * The diner's form is rendered on the server, so a diner on a slow phone can type before the page's script takes
 * over. React keeps that text in the box but starts its own state empty (a submit button bound to the state stays
 * disabled under visible text). The returned ref adopts the box's text into the state when React attaches it.
 */
export function useTypedBeforeHydration<Element extends HTMLInputElement | HTMLTextAreaElement>(setValue: (value: string) => void) {
  return useCallback((element: Element | null) => {
    if (element?.value) setValue(element.value);
  }, [setValue]);
}
