// A cache lookup that misses about a third of the time. Runs as the body of a function.
log("lookup", name, "attempt", attempt);
sleep(5);
if (random() < 0.33) {
    fail("CacheMiss", "key not cached");
}
return "value-" + attempt;
