export default function HomePage() {
  return (
    <main>
      <h1>Tableside</h1>
      <p>Live polls for restaurants: diners vote from their phones, the screen on the wall shows the results move.</p>
      <p>
        <a href="/owner">Owner sign-in</a>
      </p>
    </main>
  );
}
