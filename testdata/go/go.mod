module flightdeck/testdata

go 1.26
