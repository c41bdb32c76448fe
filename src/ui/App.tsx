export function App() {
  return <main><h1>Flightdeck</h1></main>;
}
