"use client";

import { useRef } from "react";
import styles from "./LiveScreen.module.css";
import { useFitText } from "./useFitText";

/** The poll's question, as large as its length allows within a fifth of the screen's height. */
export function Question({ text }: { text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useFitText(ref, text);
  return <h1 ref={ref} className={styles.question}>{text}</h1>;
}
