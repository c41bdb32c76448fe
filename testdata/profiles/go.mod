module flightdeck/testdata/profiles

go 1.26
